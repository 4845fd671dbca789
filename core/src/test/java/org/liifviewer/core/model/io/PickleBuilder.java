package org.liifviewer.core.model.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes pickle opcodes for hand-made test fixtures, including torch's tensor layout. Values: Map (written as an
 * OrderedDict), List (list), long[] (tuple), String, Integer/Long, Double, Boolean, null and {@link RawTensor}.
 */
final class PickleBuilder {

    /** A tensor as a strided view of a float storage stored under {@code key}. */
    record RawTensor(String key, long storageNumel, long offset, long[] shape, long[] stride) {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean protocol4;

    /** @param protocol4 use STACK_GLOBAL, SHORT_BINUNICODE, FRAME and MEMOIZE like protocol 4 pickles do */
    PickleBuilder(boolean protocol4) {
        this.protocol4 = protocol4;
        op(0x80).op(protocol4 ? 4 : 2);
        if (protocol4) {
            op(0x95).raw(new byte[8]); // FRAME with a (meaningless here) length hint
        }
    }

    PickleBuilder op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    PickleBuilder string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (protocol4 && b.length < 256) {
            return op(0x8c).op(b.length).raw(b);
        }
        return op(0x58).raw(le(b.length, 4)).raw(b);
    }

    PickleBuilder integer(long v) {
        if (v >= 0 && v < 256) {
            return op(0x4b).op((int) v);
        }
        return v == (int) v ? op(0x4a).raw(le(v, 4)) : op(0x8a).op(8).raw(le(v, 8));   // BININT or LONG1
    }

    /** GLOBAL (or STACK_GLOBAL) of {@code module.name}. */
    PickleBuilder global(String module, String name) {
        if (protocol4) {
            return string(module).string(name).op(0x93).op(0x94);
        }
        return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    PickleBuilder value(Object v) {
        if (v == null) {
            return op('N');
        } else if (v instanceof Boolean b) {
            return op(b ? 0x88 : 0x89);
        } else if (v instanceof Integer || v instanceof Long) {
            return integer(((Number) v).longValue());
        } else if (v instanceof Double d) {
            return op('G').raw(be(Double.doubleToLongBits(d)));
        } else if (v instanceof String s) {
            return string(s);
        } else if (v instanceof long[] t) {
            return tuple(t);
        } else if (v instanceof List<?> l) {
            op(']').op('(');
            l.forEach(this::value);
            return op('e');
        } else if (v instanceof Map<?, ?> m) {
            global("collections", "OrderedDict").op(')').op('R').op('(');
            m.forEach((k, x) -> value(k).value(x));
            return op('u');
        } else if (v instanceof RawTensor t) {
            global("torch._utils", "_rebuild_tensor_v2").op('(');
            op('(').string("storage").global("torch", "FloatStorage").string(t.key()).string("cuda:0")
                    .integer(t.storageNumel()).op('t').op('Q');
            integer(t.offset()).tuple(t.shape()).tuple(t.stride()).op(0x89);
            return global("collections", "OrderedDict").op(')').op('R').op('t').op('R');
        }
        throw new IllegalArgumentException("no pickle for " + v);
    }

    PickleBuilder tuple(long[] values) {
        op('(');
        for (long v : values) {
            integer(v);
        }
        return op('t');
    }

    byte[] stop() {
        op('.');
        return out.toByteArray();
    }

    static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static byte[] be(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * (7 - i)));
        }
        return b;
    }
}
