package org.liifviewer.core.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.liifviewer.core.model.Tensor;

/** The shared reference data ({@code shared/golden}, found above the working directory or via -Dliif.golden). */
final class Goldens {

    static final ObjectMapper JSON = new ObjectMapper();

    private Goldens() {
    }

    static Path dir() {
        String property = System.getProperty("liif.golden");
        if (property != null) {
            return Path.of(property);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/golden");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("reference data shared/golden not found above " + Path.of("").toAbsolutePath()
                + "; set -Dliif.golden=<dir>");
    }

    static Path file(String relative) {
        return dir().resolve(relative);
    }

    static JsonNode json(String relative) throws IOException {
        return JSON.readTree(file(relative).toFile());
    }

    /** The raw float32 tensors of {@code <variant>/weights/}, in index order. */
    static Map<String, Tensor> weights(String variant) throws IOException {
        Path dir = file(variant + "/weights");
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (JsonNode t : JSON.readTree(dir.resolve("index.json").toFile()).get("tensors")) {
            long[] shape = longs(t.get("shape"));
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(t.get("file").asText())))
                    .order(ByteOrder.LITTLE_ENDIAN);
            float[] data = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(data);
            out.put(t.get("name").asText(), new Tensor(shape, data));
        }
        return out;
    }

    static long[] longs(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToLong(JsonNode::asLong).toArray();
    }
}
