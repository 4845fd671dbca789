package org.liifviewer.training.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.bench.DecodeBenchmark;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.LiifModel;
import org.liifviewer.training.gan.LiifGanGraph;
import org.liifviewer.training.gan.VggShapedFile;
import org.liifviewer.training.graph.LiifGraph;
import org.liifviewer.training.graph.PixelLoss;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code liif train} on tiny LIIF-GAN configs: two iterations from a tiny trained model on Set5 patches give a
 * two-decoder model whose decoder 1 and encoder are the initial model's, bit for bit (so it renders that model at
 * realism 0) and whose decoder 2 has moved; the run resumes from its weights-only checkpoint; the configs say what is refused.
 */
class GanTrainTest {

    private static final String GAN_SF = """
            init: {model: INIT, prefix: "", freeze: false}
            gan:
              variant: sf
              second_hidden: [6]
              freeze_first: true
              discriminator: [4, 4]
              adversarial: non-saturating
              pixel_weight: 1.0
              adversarial_weight: 0.1
              matching_weight: 1.0
            """;
    private static final String MODEL = "hidden: [8]\n  local_ensemble: true\n  feat_unfold: true\n  cell_decode: true";

    @TempDir
    Path dir;

    @Test
    void twoStepsKeepDecoderOneAndMoveDecoderTwoAndTheRunResumes() throws Exception {
        Path init = initialModel();
        TrainConfig config = TrainConfig.parse(yaml(init, GAN_SF));
        Path out = dir.resolve("run");
        ResumeCheck.train(config.withIterations(1), Optional.empty(), out);
        Path kept = dir.resolve("kept.safetensors");
        TrainingCheckpoint.saveWeightsOnly(out.resolve("last.safetensors"), kept);
        assertEquals(LiifGanGraph.discriminatorOf(TrainingCheckpoint.load(out.resolve("last.safetensors"))
                        .trainingState()).asMap(),
                LiifGanGraph.discriminatorOf(TrainingCheckpoint.load(kept).trainingState()).asMap(),
                "the weights-only copy keeps the discriminator");
        ResumeCheck.train(config, Optional.of(kept), out);

        TrainingCheckpoint.State state = TrainingCheckpoint.load(out.resolve("last.safetensors"));
        assertEquals(2, state.iteration());
        assertEquals(6, LiifGanGraph.discriminatorOf(state.trainingState()).names().size(), "3 layers kept");
        LiifModelFile trained = ModelFiles.load(out.resolve("last.safetensors"));
        LiifModelFile initial = ModelFiles.load(init);
        assertTrue(trained.spec().detail() != null, trained.spec().describe());
        assertTrue(trained.metadata().get(LiifGanGraph.PERCEPTUAL).startsWith("feature matching"));
        Map<String, Tensor> base = DetailDecoder.baseWeightsOf(trained.weights()).asMap();
        assertEquals(initial.weights().asMap(), base, "decoder 1 and the encoder are the initial model's");
        Tensor output = trained.weights().get("decoder2.imnet.layers.2.bias");
        assertFalse(java.util.Arrays.equals(new float[3], output.data()), "decoder 2's output layer left zero");

        FloatImage image = DecodeBenchmark.randomImage(12, 10, 3);
        FloatImage atZero = new LiifModel(trained.spec(), trained.weights()).encode(image, 0f)
                .render(30, 25, RenderMonitor.NONE);
        FloatImage alone = new LiifModel(initial.spec(), initial.weights()).encode(image)
                .render(30, 25, RenderMonitor.NONE);
        assertArrayEquals(alone.data(), atZero.data(), "realism 0 renders the initial model");
    }

    @Test
    void theOneDecoderVariantTrainsThatDecoder() throws Exception {
        Path init = initialModel();
        String s = GAN_SF.replace("  second_hidden: [6]\n  freeze_first: true\n", "").replace("variant: sf",
                "variant: s");
        Path out = dir.resolve("s");
        ResumeCheck.train(TrainConfig.parse(yaml(init, s)).withIterations(1), Optional.empty(), out);
        LiifModelFile trained = ModelFiles.load(out.resolve("last.safetensors"));
        LiifModelFile initial = ModelFiles.load(init);
        assertEquals(null, trained.spec().detail());
        assertEquals(initial.weights().get("encoder.head.0.weight"), trained.weights().get("encoder.head.0.weight"));
        assertFalse(java.util.Arrays.equals(initial.weights().get("imnet.layers.0.bias").data(),
                trained.weights().get("imnet.layers.0.bias").data()), "the decoder moved");
    }

    @Test
    void aVgg19FileAddsThePapersPerceptualTermAndTheModelSaysSo() throws Exception {
        Path init = initialModel();
        Path vgg = VggShapedFile.write(dir.resolve("vgg19-random.safetensors"), VggShapedFile.tensors());
        String withVgg = GAN_SF + "  vgg19: " + vgg + "\n  vgg_weight: 0.5\n";
        Path out = dir.resolve("vgg");
        ResumeCheck.train(TrainConfig.parse(yaml(init, withVgg)).withIterations(1), Optional.empty(), out);
        String perceptual = ModelFiles.load(out.resolve("last.safetensors")).metadata().get(LiifGanGraph.PERCEPTUAL);
        assertTrue(perceptual.contains("VGG19 conv5_4 features of vgg19-random.safetensors (weight 0.5)"), perceptual);
    }

    @Test
    void configsThatCannotTrainAreRefusedWithTheirReason() throws Exception {
        Path init = dir.resolve("none.safetensors");
        assertEquals("gan.variant full (decoder 1 on a mid layer) cannot be trained yet: use sf or s",
                refusal(yaml(init, GAN_SF.replace("variant: sf", "variant: full"))));
        assertEquals("LIIF-GAN trains on patches: set data.group_sampling: true",
                refusal(yaml(init, GAN_SF).replace("  group_sampling: true\n", "")));
        assertEquals("gan.freeze_first needs a second decoder (variant sf)", refusal(yaml(init,
                GAN_SF.replace("  second_hidden: [6]\n", "").replace("variant: sf", "variant: s"))));
    }

    @Test
    void theShippedGanConfigsParse() throws Exception {
        TrainConfig sf = TrainConfig.read(Path.of("configs/liif-gan.yaml"));
        assertTrue(sf.gan().twoDecoders() && sf.gan().freezeFirst() && sf.data().groupSampling());
        assertEquals(new LiifSpec(sf.model().toSpec().encoder(), new int[] {256, 256}, 3, true, true, true),
                sf.gan().secondSpec(sf.model().toSpec()));
        assertFalse(TrainConfig.read(Path.of("configs/liif-gan-s.yaml")).gan().twoDecoders());
    }

    private static String refusal(String yaml) {
        return assertThrows(IOException.class, () -> TrainConfig.parse(yaml)).getMessage();
    }

    /** A tiny config on Set5 with random group sampling (16x16 patches) and the {@code gan} block. */
    private static String yaml(Path init, String gan) {
        return ResumeCheck.tinyConfig(1, 2, 256, MODEL).replace("  augment: true\n",
                "  augment: true\n  group_sampling: true\n") + gan.replace("INIT", init.toString());
    }

    /** A tiny LIIF model (random weights) standing for the trained model a fine-tune starts from. */
    private Path initialModel() throws IOException {
        LiifSpec spec = TrainConfig.parseModel(ResumeCheck.tinyConfig(1, 2, 256, MODEL)).toSpec();
        Path file = dir.resolve("init.safetensors");
        LiifGraph.initialised(spec, 3, DataType.FLOAT, PixelLoss.L1).save(file, Map.of(), new Weights(Map.of()));
        return file;
    }
}
