package org.liifviewer.core.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.TensorLayout;
import org.liifviewer.core.model.Weights;

/** The expected tensors of an architecture, and strict validation of weights against them. */
class TensorLayoutTest {

    private static final int[] HIDDEN = {256, 256, 256, 256};
    private static final LiifSpec SMALL = new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f),
            new int[] {32, 32}, 3, true, true, true);

    @Test
    void edsrBaselineLiifMatchesTheOfficialStateDict() throws IOException {
        LiifSpec spec = new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 16, 64, 1f), HIDDEN, 3, true, true, true);
        assertEquals(official("edsr-baseline-liif"), asStrings(TensorLayout.expected(spec)));
    }

    @Test
    void rdnLiifMatchesTheOfficialStateDict() throws IOException {
        LiifSpec spec = new LiifSpec(new EncoderSpec.Rdn(64, 16, 8, 64), HIDDEN, 3, true, true, true);
        assertEquals(official("rdn-liif"), asStrings(TensorLayout.expected(spec)));
    }

    @Test
    void transposedWeightIsRefusedNamingKeyAndShapes() throws IOException {
        Map<String, Tensor> w = new LinkedHashMap<>(Goldens.weights("small-full"));
        Tensor t = w.get("imnet.layers.0.weight");
        w.put("imnet.layers.0.weight", new Tensor(new long[] {t.dim(1), t.dim(0)}, t.data()));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> new LiifModelFile(SMALL, new Weights(w), Map.of()).validate());
        assertEquals("tensor 'imnet.layers.0.weight' has shape [148, 32], expected [32, 148]", e.getMessage());
    }

    @Test
    void missingTensorIsRefused() throws IOException {
        Map<String, Tensor> w = new LinkedHashMap<>(Goldens.weights("small-full"));
        w.remove("encoder.body.1.body.2.bias");
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> TensorLayout.check(SMALL, new Weights(w)));
        assertEquals("model file lacks the tensor 'encoder.body.1.body.2.bias'", e.getMessage());
    }

    @Test
    void unexpectedTensorIsRefused() throws IOException {
        Map<String, Tensor> w = new LinkedHashMap<>(Goldens.weights("small-full"));
        w.put("encoder.tail.0.weight", new Tensor(new long[] {2}, new float[2]));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> TensorLayout.check(SMALL, new Weights(w)));
        assertEquals("unexpected tensor 'encoder.tail.0.weight' of shape [2]: not part of " + SMALL.describe(),
                e.getMessage());
    }

    @Test
    void goldenWeightsPassValidation() throws IOException {
        Weights w = new Weights(Goldens.weights("small-full"));
        TensorLayout.check(SMALL, w);
        assertEquals(w.names(), TensorLayout.expected(SMALL).keySet());
    }

    private static List<String> official(String model) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode e : Goldens.json("state_dict_keys.json").at("/" + model + "/state_dict")) {
            out.add(e.get("key").asText() + " " + Arrays.toString(Goldens.longs(e.get("shape"))));
        }
        return out;
    }

    private static List<String> asStrings(Map<String, long[]> layout) {
        List<String> out = new ArrayList<>();
        layout.forEach((k, v) -> out.add(k + " " + Arrays.toString(v)));
        return out;
    }
}
