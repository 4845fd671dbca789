package org.liifviewer.core.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Tensor;

/** Official checkpoints written by PyTorch load with the right spec and bit-exact weights. */
class GoldenCheckpointTest {

    @ParameterizedTest
    @CsvSource({"small-full, checkpoint.pth", "small-e, checkpoint.pth", "small-u, checkpoint.pth",
        "small-c, checkpoint.pth", "small-full, checkpoint_legacy_format.pth"})
    void smallCheckpointsMatchTheirRawWeightsAndMeta(String variant, String file) throws IOException {
        LiifModelFile model = ModelFiles.load(Goldens.file(variant + "/" + file));

        Map<String, Tensor> expected = Goldens.weights(variant);
        Map<String, Tensor> actual = model.weights().asMap();
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "names in state_dict order");
        expected.forEach((name, t) -> {
            assertArrayEquals(t.shape(), actual.get(name).shape(), name);
            assertArrayEquals(bits(t.data()), bits(actual.get(name).data()), name);
        });

        JsonNode meta = Goldens.json(variant + "/meta.json");
        LiifSpec spec = model.spec();
        assertEquals(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f), spec.encoder());
        assertArrayEquals(new int[] {32, 32}, spec.hidden());
        assertEquals(3, spec.outDim());
        assertEquals(meta.at("/flags/local_ensemble").asBoolean(), spec.localEnsemble());
        assertEquals(meta.at("/flags/feat_unfold").asBoolean(), spec.featUnfold());
        assertEquals(meta.at("/flags/cell_decode").asBoolean(), spec.cellDecode());
        assertEquals(meta.get("imnet_in_dim").asInt(), spec.mlpInDim());
        assertEquals(Map.of("epoch", "1"), model.metadata());
    }

    @Test
    void fullSizeCudaTaggedCheckpointInfersDepthAndWidthFromTheWeights() throws IOException {
        LiifModelFile model = ModelFiles.load(Goldens.file("fullsize-edsr-baseline-liif/edsr-baseline-liif.pth"));

        assertEquals(new EncoderSpec.Edsr("edsr-baseline", 16, 64, 1f), model.spec().encoder());
        assertArrayEquals(new int[] {256, 256, 256, 256}, model.spec().hidden());
        assertEquals(580, model.spec().mlpInDim());
        assertEquals(82, model.weights().names().size());
        assertEquals(1_567_323, model.weights().parameterCount());
        JsonNode stateDict = Goldens.json("fullsize-edsr-baseline-liif/meta.json").get("state_dict");
        assertEquals(82, stateDict.size());
        for (JsonNode entry : stateDict) {
            String name = entry.get("key").asText();
            Tensor t = model.weights().get(name, Goldens.longs(entry.get("shape")));
            double sum = 0;
            for (float v : t.data()) {
                sum += v;
            }
            assertEquals(entry.get("sum").asDouble(), sum, 1e-9 * t.data().length + 1e-12, name);
            JsonNode first = entry.get("first4");
            for (int i = 0; i < first.size(); i++) {
                assertEquals((float) first.get(i).asDouble(), t.data()[i], name + "[" + i + "]");
            }
        }
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
