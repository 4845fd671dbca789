package org.liifviewer.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.training.Shared;

/**
 * {@code liif eval} of a LIIF-GAN model: realism 1 and the asked realism side by side, with gradient ratios; realism 0
 * scores exactly as decoder 1's model alone; a realism for a one-decoder model is refused with one line.
 */
class RealismEvalTest {

    @TempDir
    Path dir;

    @Test
    void aGanModelIsScoredAtRealismOneAndAtTheAskedRealism() throws Exception {
        EncoderSpec.Edsr edsr = new EncoderSpec.Edsr("edsr-baseline", 1, 8, 1f);
        LiifSpec first = new LiifSpec(edsr, new int[] {16}, 3, true, true, true);
        LiifSpec spec = first.withDetail(new DetailDecoder(new LiifSpec(edsr, new int[] {12}, 3, true, true, true),
                FeatureLayer.LAST, 1f));
        Weights weights = RandomWeights.of(spec, 6);
        Path gan = dir.resolve("gan.safetensors");
        Path alone = dir.resolve("first.safetensors");
        ModelFiles.save(new LiifModelFile(spec, weights, Map.of()), gan);
        ModelFiles.save(new LiifModelFile(first, DetailDecoder.baseWeightsOf(weights), Map.of()), alone);

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        EvalResult pair = Evaluator.run(new EvalOptions(gan, List.of(Shared.set5()), EvalProtocol.BENCHMARK,
                List.of(3), true, null, 1, 0f, List.of()), new PrintStream(stdout, true, StandardCharsets.UTF_8));
        EvalResult single = Evaluator.run(new EvalOptions(alone, List.of(Shared.set5()), EvalProtocol.BENCHMARK,
                List.of(3), false, null, 1), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(List.of(Method.BICUBIC, Method.MODEL, Method.MODEL_AT_REALISM), pair.methods());
        assertEquals(single.mean(Metric.PSNR, Method.MODEL, 3), pair.mean(Metric.PSNR, Method.MODEL_AT_REALISM, 3), 0.0);
        assertEquals(single.mean(Metric.GRADIENT_RATIO, Method.MODEL, 3), pair.mean(Metric.GRADIENT_RATIO, Method.MODEL_AT_REALISM, 3),
                0.0);
        assertTrue(pair.mean(Metric.PSNR, Method.MODEL, 3) != pair.mean(Metric.PSNR, Method.MODEL_AT_REALISM, 3), "realism 1 differs");
        String text = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("LIIF-GAN at --realism") && text.contains("gradient ratio model-realism"), text);
        assertTrue(text.contains("\"model-realism\":{\"3\":"), text);
    }

    @Test
    void aRealismForAModelWithOneDecoderIsRefused() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Evaluator.run(new EvalOptions(
                Shared.tinyModel(), List.of(Shared.set5()), EvalProtocol.BENCHMARK, List.of(2), false, null, 1, 0.5f,
                List.of()),
                System.out));
        assertEquals(Shared.tinyModel() + ": --realism needs a LIIF-GAN model (with a second decoder), and this model"
                + " has one decoder", e.getMessage());
    }
}
