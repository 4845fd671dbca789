package org.liifviewer.core.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.TensorLayout;
import org.liifviewer.core.model.Weights;

/** Parsing official specs: defaults, values inferred from the weights, contradictions refused. */
class OfficialSpecTest {

    @Test
    void partialSpecTakesDepthWidthFromWeightsAndFlagsDefaultTrue() throws IOException {
        Map<String, Object> spec = Checkpoints.smallSpec();
        encoderArgs(spec).remove("n_resblocks");
        encoderArgs(spec).remove("n_feats");
        LiifSpec parsed = OfficialSpec.parse(spec, new Weights(Goldens.weights("small-full")));
        assertEquals(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f), new int[] {32, 32}, 3,
                true, true, true), parsed);
    }

    @Test
    void edsrDefaultsToResScaleOneTenth() throws IOException {
        Map<String, Object> spec = Checkpoints.smallSpec();
        encoder(spec).put("name", "edsr");
        EncoderSpec.Edsr e = (EncoderSpec.Edsr) OfficialSpec.parse(spec, new Weights(Goldens.weights("small-full")))
                .encoder();
        assertEquals(0.1f, e.resScale());
    }

    @Test
    void ownSpecRoundTripsThroughToOfficial() throws IOException {
        LiifSpec spec = new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f), new int[] {32, 32}, 3,
                true, false, true);
        assertEquals(spec, OfficialSpec.parse(spec.toOfficial(), new Weights(Goldens.weights("small-u"))));
    }

    @Test
    void statedDepthContradictingWeightsIsRefused() throws IOException {
        Map<String, Object> spec = Checkpoints.smallSpec();
        encoderArgs(spec).put("n_resblocks", 16L);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> OfficialSpec.parse(spec, new Weights(Goldens.weights("small-full"))));
        assertEquals("the spec says n_resblocks = 16 but the weights have 2", e.getMessage());
    }

    @Test
    void flagsThatDoNotFitTheMlpInputWidthAreRefused() throws IOException {
        Map<String, Object> spec = Checkpoints.smallSpec();
        args(spec).put("feat_unfold", false);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> OfficialSpec.parse(spec, new Weights(Goldens.weights("small-full"))));
        assertEquals("the MLP input width is 148 but 16 feature channels with feat_unfold=false and"
                + " cell_decode=true need 20", e.getMessage());
    }

    @Test
    void rdnDimensionsComeFromTheWeightsAndMustMatchRdnConfig() throws ModelFormatException {
        Map<String, Tensor> w = new LinkedHashMap<>();
        EncoderSpec.Rdn rdn = new EncoderSpec.Rdn(8, 2, 3, 4);
        LiifSpec expected = new LiifSpec(rdn, new int[] {5}, 3, true, true, true);
        TensorLayout.expected(expected)
                .forEach((k, shape) -> w.put(k, new Tensor(shape, new float[(int) Tensor.numel(shape)])));
        Map<String, Object> encoderArgs = new LinkedHashMap<>(Map.of("no_upsampling", true));
        Map<String, Object> spec = Map.of("name", "liif", "args", Map.of(
                "encoder_spec", Map.of("name", "rdn", "args", encoderArgs),
                "imnet_spec", Map.of("name", "mlp", "args", Map.of("out_dim", 3L, "hidden_list", List.of(5L)))));
        assertEquals(expected, OfficialSpec.parse(spec, new Weights(w)));

        encoderArgs.put("RDNconfig", "B");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> OfficialSpec.parse(spec, new Weights(w)));
        assertEquals("the spec says RDNconfig B (D, C, G) = [16, 8, 64] but the weights have [2, 3, 4]", e.getMessage());
    }

    @Test
    void encoderWithUpsamplerIsRefused() throws IOException {
        Map<String, Object> spec = Checkpoints.smallSpec();
        encoderArgs(spec).remove("no_upsampling");
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> OfficialSpec.parse(spec, new Weights(Goldens.weights("small-full"))));
        assertEquals("the encoder has an up-sampler (no_upsampling is not true); LIIF encoders keep the input size",
                e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> args(Map<String, Object> spec) {
        return (Map<String, Object>) spec.get("args");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> encoder(Map<String, Object> spec) {
        return (Map<String, Object>) args(spec).get("encoder_spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> encoderArgs(Map<String, Object> spec) {
        return (Map<String, Object>) encoder(spec).get("args");
    }
}
