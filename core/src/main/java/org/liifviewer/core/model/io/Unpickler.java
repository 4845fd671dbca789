package org.liifviewer.core.model.io;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liifviewer.core.model.ModelFormatException;

/**
 * A restricted pickle virtual machine that only builds data: dicts, lists, tuples, numbers, strings, bytes and
 * tensor descriptions. It understands the opcodes that {@code torch.save} emits (protocols 2 to 5) and resolves
 * only the globals of {@link #resolve}; nothing from the file is ever executed.
 *
 * <p>Python values become: None → {@code null}, bool → {@link Boolean}, int → {@link Long} (or {@link BigInteger}),
 * float → {@link Double}, str → {@link String}, bytes → {@code byte[]}, tuple and list → {@link List},
 * dict and OrderedDict → {@link LinkedHashMap}, tensors → {@link PickledTensor}.
 */
final class Unpickler {

    /** Turns a persistent id (BINPERSID) into a value; torch uses it for storages. */
    interface PersistentLoader {
        Object load(Object pid) throws ModelFormatException;
    }

    /** Callables a state_dict pickle needs; REDUCE applies them as data constructors implemented here. */
    private enum Callable { ORDERED_DICT, REBUILD_TENSOR }

    private static final Object MARK = new Object();
    private static final int MAX_GLOBAL_LINE = 256;

    private final BoundedInput in;
    private final PersistentLoader persistent;
    private final List<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    Unpickler(BoundedInput in, PersistentLoader persistent) {
        this.in = in;
        this.persistent = persistent;
    }

    /** Runs one pickle up to its STOP opcode and returns its value. */
    Object load() throws IOException {
        while (true) {
            long at = in.position();
            int op = in.readUnsignedByte();
            switch (op) {
                case 0x80 -> { // PROTO
                    int proto = in.readUnsignedByte();
                    if (proto > 5) {
                        throw new ModelFormatException("unsupported pickle protocol " + proto);
                    }
                }
                case 0x95 -> in.readUnsignedLE(8); // FRAME: a length hint only
                case 0x2e -> { // STOP
                    Object result = pop();
                    if (!stack.isEmpty()) {
                        throw malformed("values left on the stack at STOP");
                    }
                    return result;
                }
                case 0x28 -> stack.add(MARK);
                case 0x30 -> pop(); // POP
                case 0x31 -> popMark(); // POP_MARK
                case 0x32 -> push(peek()); // DUP
                case 0x4e -> push(null); // NONE
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 0x4b -> push((long) in.readUnsignedByte()); // BININT1
                case 0x4d -> push(in.readUnsignedLE(2)); // BININT2
                case 0x4a -> push((long) in.readBuffer(4).getInt()); // BININT (signed)
                case 0x8a -> push(readLong(in.readUnsignedByte())); // LONG1
                case 0x8b -> push(readLong(in.readBuffer(4).getInt())); // LONG4
                case 0x47 -> push(in.readBuffer(8).order(ByteOrder.BIG_ENDIAN).getDouble()); // BINFLOAT
                case 0x8c, 0x55 -> push(readString(in.readUnsignedByte())); // SHORT_BINUNICODE, SHORT_BINSTRING
                case 0x58, 0x54 -> push(readString(in.readUnsignedLE(4))); // BINUNICODE, BINSTRING
                case 0x8d -> push(readString(in.readUnsignedLE(8))); // BINUNICODE8
                case 0x43 -> push(in.readBytes(in.readUnsignedByte())); // SHORT_BINBYTES
                case 0x42 -> push(in.readBytes(in.readUnsignedLE(4))); // BINBYTES
                case 0x8e -> push(in.readBytes(in.readUnsignedLE(8))); // BINBYTES8
                case 0x7d -> push(new LinkedHashMap<>()); // EMPTY_DICT
                case 0x5d -> push(new ArrayList<>()); // EMPTY_LIST
                case 0x29 -> push(List.of()); // EMPTY_TUPLE
                case 0x64 -> push(toDict(popMark())); // DICT
                case 0x6c -> push(new ArrayList<>(popMark())); // LIST
                case 0x74 -> push(tuple(popMark())); // TUPLE
                case 0x85 -> push(tuple(popN(1))); // TUPLE1
                case 0x86 -> push(tuple(popN(2))); // TUPLE2
                case 0x87 -> push(tuple(popN(3))); // TUPLE3
                case 0x73 -> setItems(popN(2)); // SETITEM
                case 0x75 -> setItems(popMark()); // SETITEMS
                case 0x61 -> appends(popN(1)); // APPEND
                case 0x65 -> appends(popMark()); // APPENDS
                case 0x71 -> memo.put((long) in.readUnsignedByte(), peek()); // BINPUT
                case 0x72 -> memo.put(in.readUnsignedLE(4), peek()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
                case 0x68 -> push(memoGet(in.readUnsignedByte())); // BINGET
                case 0x6a -> push(memoGet(in.readUnsignedLE(4))); // LONG_BINGET
                case 0x63 -> push(resolve(readLine(), readLine())); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    push(resolve(string(pop()), string(name)));
                }
                case 0x52, 0x81 -> { // REDUCE, NEWOBJ: callable(*args)
                    List<?> args = list(pop());
                    push(apply(pop(), args));
                }
                case 0x62 -> build(pop()); // BUILD
                case 0x51 -> { // BINPERSID
                    if (persistent == null) {
                        throw malformed("unexpected persistent id");
                    }
                    push(persistent.load(pop()));
                }
                default -> throw new ModelFormatException(String.format(
                        "unsupported pickle opcode 0x%02x at byte %d: not something a state_dict contains", op, at));
            }
        }
    }

    /** The allow-list: anything else is refused before it could ever be called. */
    private static Object resolve(String module, String name) throws ModelFormatException {
        String qualified = module + "." + name;
        switch (qualified) {
            case "collections.OrderedDict" -> {
                return Callable.ORDERED_DICT;
            }
            case "torch._utils._rebuild_tensor_v2" -> {
                return Callable.REBUILD_TENSOR;
            }
            default -> {
                if (module.equals("torch") && DType.ofStorage(name).isPresent()) {
                    return DType.ofStorage(name).get();
                }
                throw new ModelFormatException("refusing to load: the pickle references " + qualified
                        + ", which a state_dict never needs");
            }
        }
    }

    private static Object apply(Object callable, List<?> args) throws ModelFormatException {
        if (callable == Callable.ORDERED_DICT && args.isEmpty()) {
            return new LinkedHashMap<>();
        }
        if (callable == Callable.REBUILD_TENSOR && args.size() >= 4) {
            // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
            if (!(args.get(0) instanceof StorageRef storage)) {
                throw malformed("_rebuild_tensor_v2 without a storage");
            }
            long[] shape = longs(args.get(2));
            long[] stride = longs(args.get(3));
            long offset = nonNegative(args.get(1));
            if (shape.length != stride.length) {
                throw malformed("tensor with " + shape.length + " sizes but " + stride.length + " strides");
            }
            return new PickledTensor(storage, offset, shape, stride);
        }
        throw malformed("cannot call " + PythonTypes.describe(callable) + " with "
                + args.size() + " arguments");
    }

    private void build(Object state) throws ModelFormatException {
        // OrderedDict state (its `_metadata` attribute, module versions) is irrelevant for the weights.
        if (!(peek() instanceof Map)) {
            throw malformed("BUILD on " + PythonTypes.describe(peek()));
        }
    }

    private void setItems(List<Object> kv) throws ModelFormatException {
        if (kv.size() % 2 != 0) {
            throw malformed("odd number of dict items");
        }
        Map<Object, Object> dict = dict(peek());
        for (int i = 0; i < kv.size(); i += 2) {
            Object key = kv.get(i);
            if (key != null && !(key instanceof String || key instanceof Number || key instanceof Boolean)) {
                throw malformed("a dict key that is " + PythonTypes.describe(key)); // containers as keys could be cyclic
            }
            dict.put(key, kv.get(i + 1));
        }
    }

    private void appends(List<Object> values) throws ModelFormatException {
        if (!(peek() instanceof ArrayList<?>)) {
            throw malformed("APPEND to " + PythonTypes.describe(peek()));
        }
        list(peek()).addAll(values);
    }

    private Map<Object, Object> toDict(List<Object> kv) throws ModelFormatException {
        push(new LinkedHashMap<>());
        setItems(kv);
        return dict(pop());
    }

    private Object memoGet(long index) throws ModelFormatException {
        if (!memo.containsKey(index)) {
            throw malformed("memo entry " + index + " read before it was written");
        }
        return memo.get(index);
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.readUnsignedByte(); c != '\n'; c = in.readUnsignedByte()) {
            if (sb.length() == MAX_GLOBAL_LINE) {
                throw malformed("overlong GLOBAL name");
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    private String readString(long length) throws IOException {
        return new String(in.readBytes(length), StandardCharsets.UTF_8);
    }

    private Number readLong(long length) throws IOException {
        if (length < 0 || length > 1024) {
            throw malformed("integer of " + length + " bytes");
        }
        byte[] le = in.readBytes(length);
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        BigInteger v = be.length == 0 ? BigInteger.ZERO : new BigInteger(be);
        return v.bitLength() < 64 ? (Number) v.longValue() : v;
    }

    private void push(Object value) {
        stack.add(value);
    }

    private Object peek() throws ModelFormatException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw malformed("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() throws ModelFormatException {
        Object v = peek();
        stack.remove(stack.size() - 1);
        return v;
    }

    private List<Object> popN(int n) throws ModelFormatException {
        Object[] values = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            values[i] = pop();
        }
        return new ArrayList<>(Arrays.asList(values));
    }

    private List<Object> popMark() throws ModelFormatException {
        int mark = stack.lastIndexOf(MARK);
        if (mark < 0) {
            throw malformed("no MARK on the stack");
        }
        List<Object> top = stack.subList(mark + 1, stack.size());
        List<Object> values = new ArrayList<>(top);
        stack.subList(mark, stack.size()).clear();
        return values;
    }

    private static List<Object> tuple(List<Object> values) {
        return Collections.unmodifiableList(values);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object v) throws ModelFormatException {
        if (v instanceof LinkedHashMap<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw malformed("expected a dict, found " + PythonTypes.describe(v));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v) throws ModelFormatException {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw malformed("expected a list or tuple, found " + PythonTypes.describe(v));
    }

    private static String string(Object v) throws ModelFormatException {
        if (v instanceof String s) {
            return s;
        }
        throw malformed("expected a string, found " + PythonTypes.describe(v));
    }

    private static long nonNegative(Object v) throws ModelFormatException {
        if (v instanceof Long l && l >= 0) {
            return l;
        }
        throw malformed("expected a size, found " + (v instanceof Long ? v : PythonTypes.describe(v)));
    }

    private static long[] longs(Object v) throws ModelFormatException {
        List<Object> l = list(v);
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nonNegative(l.get(i));
        }
        return out;
    }

    private static ModelFormatException malformed(String what) {
        return new ModelFormatException("malformed pickle: " + what);
    }
}
