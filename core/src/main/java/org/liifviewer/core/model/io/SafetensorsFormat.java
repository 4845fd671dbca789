package org.liifviewer.core.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liifviewer.core.io.ByteSource;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

/**
 * LIIF Viewer's own model file: the safetensors layout. An 8-byte little-endian header length N, N bytes of
 * UTF-8 JSON, then the raw little-endian tensor bytes. The JSON maps {@code __metadata__} to
 * {@code {"format": "liif-viewer", "spec": "<official spec as JSON>", ...extra metadata}} (all strings) and each
 * tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}}, offsets relative to the data section.
 * Tensors are written as F32 in weights order, contiguous; F16, BF16 and F64 files are read too.
 */
final class SafetensorsFormat {

    static final String FORMAT = "liif-viewer";
    private static final String METADATA = "__metadata__";
    private static final long MAX_HEADER = 100L << 20;
    private static final int CHUNK_FLOATS = 1 << 14;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** For the spec string: sorted keys, so that the same model always gives the same bytes. */
    private static final ObjectMapper SORTED_JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Prefix of training-state tensors (optimizer moments) stored beside the weights in a checkpoint. */
    static final String TRAINING_STATE_PREFIX = "optimizer.";

    private record Entry(String name, DType dtype, long[] shape, long begin, long end) {
    }

    private SafetensorsFormat() {
    }

    static void write(LiifModelFile model, Weights trainingState, OutputStream out) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("spec", SORTED_JSON.writeValueAsString(model.spec().toOfficial()));
        model.metadata().forEach((k, v) -> {
            if (metadata.putIfAbsent(k, v) != null) {
                throw new IllegalArgumentException("metadata key '" + k + "' is reserved");
            }
        });
        writeTensors(new TensorFile(FORMAT, metadata, model.weights(), trainingState), out);
    }

    /** Writes any tensor file: {@code format} and the metadata in the header, weights then training state. */
    static void writeTensors(TensorFile file, OutputStream out) throws IOException {
        for (String name : file.trainingState().names()) {
            if (!name.startsWith(TRAINING_STATE_PREFIX)) {
                throw new IllegalArgumentException("training-state tensor '" + name + "' must start with '"
                        + TRAINING_STATE_PREFIX + "'");
            }
        }
        Map<String, Tensor> all = new LinkedHashMap<>(file.weights().asMap());
        all.putAll(file.trainingState().asMap());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("format", file.format());
        file.metadata().forEach((k, v) -> {
            if (metadata.putIfAbsent(k, v) != null) {
                throw new IllegalArgumentException("metadata key '" + k + "' is reserved");
            }
        });
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(METADATA, metadata);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : all.entrySet()) {
            long bytes = 4L * e.getValue().data().length;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", DType.F32.safetensorsName());
            entry.put("shape", e.getValue().shape());
            entry.put("data_offsets", new long[] {offset, offset + bytes});
            header.put(e.getKey(), entry);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // keeps the tensor data 8-byte aligned
        ByteBuffer buf = ByteBuffer.allocate(Math.max(8 + padded, 4 * CHUNK_FLOATS)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded).put(json);
        while (buf.position() < 8 + padded) {
            buf.put((byte) ' ');
        }
        out.write(buf.array(), 0, buf.position());
        for (Tensor t : all.values()) {
            float[] data = t.data();
            for (int i = 0; i < data.length; i += CHUNK_FLOATS) {
                int n = Math.min(CHUNK_FLOATS, data.length - i);
                buf.clear();
                buf.asFloatBuffer().put(data, i, n);
                out.write(buf.array(), 0, 4 * n);
            }
        }
    }

    static LiifModelFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ByteSource.of(ch));
        }
    }

    static LiifModelFile read(ByteSource src) throws IOException {
        TensorFile raw = readTensors(src);
        if (!FORMAT.equals(raw.format())) {
            throw new ModelFormatException("not a LIIF Viewer model: __metadata__.format is '" + raw.format()
                    + "', not '" + FORMAT + "'");
        }
        Map<String, String> metadata = new LinkedHashMap<>(raw.metadata());
        String spec = metadata.remove("spec");
        if (spec == null) {
            throw new ModelFormatException("the header has no model spec (__metadata__.spec)");
        }
        return new LiifModelFile(OfficialSpec.parse(parseJson(spec, "spec"), raw.weights()), raw.weights(), metadata);
    }

    /** Reads any tensor file written by {@link #writeTensors} (or a LIIF model file) without interpreting it. */
    static TensorFile readTensors(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readTensors(ByteSource.of(ch));
        }
    }

    private static TensorFile readTensors(ByteSource src) throws IOException {
        long size = src.size();
        long headerLength = readAt(src, 0, 8).getLong();
        if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > size - 8) {
            throw new ModelFormatException("the header length " + headerLength + " does not fit the file size "
                    + size);
        }
        ObjectNode header = parseHeader(readAt(src, 8, (int) headerLength));
        Map<String, String> metadata = metadata(header);
        List<Entry> entries = entries(header, size - 8 - headerLength);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (Entry e : entries) {
            ByteBuffer bytes = readAt(src, 8 + headerLength + e.begin, (int) (e.end - e.begin));
            Tensor t = new Tensor(e.shape, e.dtype.decode(bytes, (int) Tensor.numel(e.shape)));
            (e.name.startsWith(TRAINING_STATE_PREFIX) ? state : tensors).put(e.name, t);
        }
        String format = metadata.remove("format");
        if (format == null) {
            throw new ModelFormatException("not a LIIF Viewer model: the header has no __metadata__.format");
        }
        return new TensorFile(format, metadata, new Weights(tensors), new Weights(state));
    }

    private static ObjectNode parseHeader(ByteBuffer bytes) throws ModelFormatException {
        String text = StandardCharsets.UTF_8.decode(bytes).toString();
        if (!(parseTree(text, "header") instanceof ObjectNode header)) {
            throw new ModelFormatException("the header is not a JSON object");
        }
        return header;
    }

    private static Map<String, String> metadata(ObjectNode header) throws ModelFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = header.path(METADATA);
        if (!node.isObject()) {
            throw new ModelFormatException("the header has no __metadata__ object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new ModelFormatException("metadata '" + e.getKey() + "' is not a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /** The tensor entries in header order, checked to tile the data section exactly. */
    private static List<Entry> entries(ObjectNode header, long dataSize) throws ModelFormatException {
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(METADATA)) {
                entries.add(entry(e.getKey(), e.getValue()));
            }
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin));
        long expected = 0;
        for (Entry e : byOffset) {
            if (e.begin != expected) {
                throw new ModelFormatException("tensor '" + e.name + "' starts at " + e.begin + ", expected " + expected
                        + (e.begin < expected ? " (it overlaps the previous tensor)" : " (gap before it)"));
            }
            expected = e.end;
        }
        if (expected != dataSize) {
            throw new ModelFormatException((expected > dataSize ? "the file is cut short: " : "")
                    + "the tensors cover " + expected + " bytes but the data section has " + dataSize);
        }
        return entries;
    }

    private static Entry entry(String name, JsonNode node) throws ModelFormatException {
        String where = "tensor '" + name + "'";
        String dtypeName = node.path("dtype").asText("?");
        DType dtype = DType.ofSafetensors(dtypeName).orElseThrow(
                () -> new ModelFormatException(where + " has the unknown dtype '" + dtypeName + "'"));
        long[] shape = longs(node.path("shape"), where + " shape");
        long[] offsets = longs(node.path("data_offsets"), where + " data_offsets");
        if (offsets.length != 2 || offsets[1] < offsets[0]) {
            throw new ModelFormatException(where + " has invalid data_offsets " + Arrays.toString(offsets));
        }
        long numel;
        try {
            numel = Tensor.numel(shape);
            long bytes = Math.multiplyExact(numel, (long) dtype.size());
            if (bytes > Integer.MAX_VALUE - 8 || bytes != offsets[1] - offsets[0]) {
                throw new ArithmeticException();
            }
        } catch (ArithmeticException e) {
            throw new ModelFormatException(where + " of shape " + Arrays.toString(shape) + " and dtype " + dtypeName
                    + " does not match its " + (offsets[1] - offsets[0]) + " bytes");
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] longs(JsonNode node, String what) throws ModelFormatException {
        if (!node.isArray()) {
            throw new ModelFormatException(what + " is not a list");
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
                throw new ModelFormatException(what + " holds " + v + ", not a non-negative integer");
            }
            out[i] = v.longValue();
        }
        return out;
    }

    private static Map<?, ?> parseJson(String text, String what) throws ModelFormatException {
        if (!(parseTree(text, what) instanceof ObjectNode node)) {
            throw new ModelFormatException("the " + what + " is not a JSON object");
        }
        return JSON.convertValue(node, Map.class);
    }

    private static JsonNode parseTree(String text, String what) throws ModelFormatException {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException("the " + what + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static ByteBuffer readAt(ByteSource src, long position, int length) throws IOException {
        try {
            return ByteBuffer.wrap(src.read(position, length)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (EOFException e) {
            throw new ModelFormatException("the file ends before byte " + (position + length), e);
        }
    }
}
