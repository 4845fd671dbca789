package org.liifviewer.core.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

/**
 * Reads the reference vectors of {@code shared/golden} (raw little-endian {@code .bin} files listed in an
 * {@code index.json}), found by walking up from the working directory.
 */
public final class GoldenData {

    private final Path dir;
    private final Map<String, JsonNode> entries = new LinkedHashMap<>();

    private GoldenData(Path dir) {
        this.dir = dir;
        try {
            JsonNode index = new ObjectMapper().readTree(dir.resolve("index.json").toFile());
            for (JsonNode t : index.get("tensors")) {
                entries.put(t.get("name").asText(), t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden root directory ({@code .../shared/golden}). */
    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path g = p.resolve("shared").resolve("golden");
            if (Files.isDirectory(g)) {
                return g;
            }
        }
        throw new IllegalStateException("shared/golden not found above " + Path.of("").toAbsolutePath());
    }

    /** The indexed folder {@code relative} under the golden root, e.g. {@code small-full/data}. */
    public static GoldenData open(String relative) {
        return new GoldenData(root().resolve(relative));
    }

    public long[] shape(String name) {
        JsonNode shape = entry(name).get("shape");
        long[] s = new long[shape.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape.get(i).asLong();
        }
        return s;
    }

    /** Values of a tensor as float (float64 and uint8 tensors are converted). */
    public float[] floats(String name) {
        JsonNode e = entry(name);
        ByteBuffer buf = bytes(e);
        String dtype = e.get("dtype").asText();
        int n = (int) Tensor.numel(shape(name));
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (dtype) {
                case "float32" -> buf.getFloat();
                case "float64" -> (float) buf.getDouble();
                case "uint8" -> buf.get() & 0xff;
                default -> throw new IllegalStateException("dtype " + dtype);
            };
        }
        return out;
    }

    /** Values of a float64 tensor. */
    public double[] doubles(String name) {
        ByteBuffer buf = bytes(entry(name));
        double[] out = new double[buf.remaining() / 8];
        buf.asDoubleBuffer().get(out);
        return out;
    }

    public Tensor tensor(String name) {
        return new Tensor(shape(name), floats(name));
    }

    /** All tensors of the folder, in index order, as model weights. */
    public Weights weights() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (String name : entries.keySet()) {
            m.put(name, tensor(name));
        }
        return new Weights(m);
    }

    private JsonNode entry(String name) {
        JsonNode e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no golden tensor " + name + " in " + dir);
        }
        return e;
    }

    private ByteBuffer bytes(JsonNode e) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(dir.resolve(e.get("file").asText()))).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
