package org.liifviewer.core.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.bench.RandomWeights;
import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.core.model.Weights;

/** A LIIF-GAN model file: the spec of both decoders, the second one's tensor names, and what is refused. */
class TwoDecoderFileTest {

    private static final EncoderSpec.Edsr EDSR = new EncoderSpec.Edsr("edsr-baseline", 3, 8, 1f);
    private static final LiifSpec SPEC = new LiifSpec(EDSR, new int[] {16}, 3, true, true, true)
            .withDetail(new DetailDecoder(new LiifSpec(EDSR, new int[] {12}, 3, true, true, true,
                    new Modulation(2, 4, true, true)), new FeatureLayer(2), 0.75f));

    @TempDir
    Path dir;

    @Test
    void aSavedModelLoadsWithBothDecodersTheirFeaturesAndTheRealism() throws Exception {
        Path file = dir.resolve("gan.safetensors");
        ModelFiles.save(new LiifModelFile(SPEC, RandomWeights.of(SPEC, 2), Map.of("perceptual", "feature-matching")),
                file);
        LiifModelFile loaded = ModelFiles.load(file);
        assertEquals(SPEC, loaded.spec());
        assertEquals("feature-matching", loaded.metadata().get("perceptual"));
        assertTrue(loaded.weights().contains("decoder2.hypernet.layers.0.weight"));
        assertTrue(loaded.weights().contains("decoder2.imnet.layers.0.weight"));
        assertEquals("LIIF-GAN, encoder edsr-baseline(3 blocks x 8 feats); decoder 1 on mid-layer (after 2 blocks)"
                + " features: LIIF MLP 76-16-3, feat_unfold + local_ensemble + cell_decode; decoder 2 on last-layer"
                + " features: LM-LIIF hyper-network 74-12-20, render MLP 8-4-4-3 with scale and shift modulation,"
                + " feat_unfold + local_ensemble + cell_decode; output = decoder 1 + realism x decoder 2, default"
                + " realism 0.75", loaded.spec().describe());
    }

    @Test
    void aMissingSecondDecoderTensorIsNamed() throws Exception {
        Map<String, org.liifviewer.core.model.Tensor> w = new LinkedHashMap<>(RandomWeights.of(SPEC, 2).asMap());
        w.remove("decoder2.imnet.layers.4.bias");
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> new LiifModelFile(SPEC, new Weights(w), Map.of()).validate());
        assertEquals("model file lacks the tensor 'decoder2.imnet.layers.4.bias'", e.getMessage());
    }

    @Test
    void aRealismOutsideZeroToOneAndAnUnknownFeatureLayerAreRefused() throws Exception {
        Weights weights = RandomWeights.of(SPEC, 2);
        assertEquals("the realism is 1.5, outside [0, 1]", refusal(Map.of("realism", 1.5), weights));
        assertEquals("the feature layer is 'middle', not 'last' or 'body.K' (the stream after K residual blocks)",
                refusal(Map.of("base_features", "middle"), weights));
    }

    @Test
    void aMidLayerBeyondTheEncoderIsRefusedWhenTheModelLoads() throws Exception {
        LiifSpec tooDeep = SPEC.withDetail(new DetailDecoder(SPEC.detail().spec(), new FeatureLayer(4), 1f));
        Path file = dir.resolve("deep.safetensors");
        ModelFiles.save(new LiifModelFile(tooDeep, RandomWeights.of(tooDeep, 2), Map.of()), file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().endsWith("decoder 1 reads features body.4, which the encoder edsr-baseline(3 blocks x"
                + " 8 feats) does not have"), e.getMessage());
    }

    /** The message parsing gives for SPEC's official form with {@code changes} in its args. */
    private static String refusal(Map<String, Object> changes, Weights weights) {
        Map<String, Object> args = new LinkedHashMap<>(args(SPEC.toOfficial()));
        args.putAll(changes);
        return assertThrows(ModelFormatException.class,
                () -> OfficialSpec.parse(Map.of("name", LiifSpec.LIIF_GAN, "args", args), weights)).getMessage();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> args(Map<String, Object> official) {
        return (Map<String, Object>) official.get("args");
    }
}
