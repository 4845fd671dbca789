package org.liifviewer.training.graph;

import org.liifviewer.training.Shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the golden tensors of {@code shared/golden/small-<variant>/} (raw little-endian float32 + index.json). */
final class GoldenData {

    static final Path ROOT = Shared.path("golden");

    private GoldenData() {
    }

    /** The small model's spec: EDSR-baseline 2 blocks x 16 feats, MLP [32, 32], flags per variant. */
    static LiifSpec smallSpec(String variant) {
        return new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f), new int[]{32, 32}, 3,
                !variant.equals("e"), !variant.equals("u"), !variant.equals("c"));
    }

    static Weights weights(String variant) throws IOException {
        return new Weights(readFolder(ROOT.resolve("small-" + variant).resolve("weights")));
    }

    static Map<String, Tensor> data(String variant) throws IOException {
        return readFolder(ROOT.resolve("small-" + variant).resolve("data"));
    }

    static Map<String, Tensor> readFolder(Path folder) throws IOException {
        JsonNode index = new ObjectMapper().readTree(folder.resolve("index.json").toFile());
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (JsonNode t : index.get("tensors")) {
            if (!t.get("dtype").asText().equals("float32")) {
                continue;
            }
            long[] shape = new long[t.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = t.get("shape").get(i).asLong();
            }
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(folder.resolve(t.get("file").asText())))
                    .order(ByteOrder.LITTLE_ENDIAN);
            float[] data = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(data);
            out.put(t.get("name").asText(), new Tensor(shape, data));
        }
        return out;
    }
}
