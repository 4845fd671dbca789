package org.liifviewer.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.image.MatlabImresize;
import org.liifviewer.core.image.Metrics;
import org.liifviewer.core.image.PillowBicubic;
import org.liifviewer.core.image.PsnrProtocol;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.Weights;
import org.liifviewer.training.Shared;
import org.liifviewer.training.baseline.BaselineFiles;
import org.liifviewer.training.baseline.BaselineGraph;
import org.liifviewer.training.baseline.BaselineSpec;
import org.liifviewer.training.data.GeneratedImages;
import org.liifviewer.training.graph.PixelLoss;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The whole-image protocol of Table 5 ({@code --protocol whole-image --input-size L}): the whole image resized to L
 * in, resized to L x scale as the truth, RGB PSNR without shave; a LIIF model and a x8 up-sampler both score.
 */
class WholeImageEvalTest {

    @TempDir
    Path dir;

    private Path faces() throws IOException {
        for (int i = 0; i < 2; i++) {
            GeneratedImages.png(dir.resolve("faces/HR"), "face" + i + ".png", 70, 70, i);
        }
        return dir.resolve("faces");
    }

    @Test
    void theWholeImageIsResizedToLInAndToLTimesScaleAsTheTruthAndScoredInRgbWithoutShave() throws IOException {
        Path faces = faces();
        EvalResult result = Evaluator.run(new EvalOptions(Shared.tinyModel(), List.of(faces),
                EvalProtocol.WHOLE_IMAGE, List.of(2), false, null, 0, null, List.of(), 16), quiet());
        assertEquals(2, result.scores("faces", Method.MODEL, 2).size());
        for (ImageScore s : result.scores()) {
            assertEquals(LrSource.RESIZED, s.source());
            assertEquals(16, s.lrH());
            assertEquals(32, s.hrW());
        }
        FloatImage image = ImageFiles.read(faces.resolve("HR/face1.png")).rgb();
        FloatImage lr = PillowBicubic.resize(image, 16, 16);
        FloatImage truth = PillowBicubic.resize(image, 32, 32);
        double expected = Metrics.psnr(MatlabImresize.resize(lr, 32, 32), truth, PsnrProtocol.rgb());
        ImageScore bicubic = result.scores("faces", Method.BICUBIC, 2).get(1);
        assertEquals("face1", bicubic.image());
        assertEquals(expected, bicubic.psnr(), 1e-9);
    }

    @Test
    void anX8UpSamplerScoresThe32To256Task() throws IOException {
        for (int i = 0; i < 1; i++) {
            GeneratedImages.png(dir.resolve("big/HR"), "face.png", 256, 256, 5);
        }
        BaselineSpec spec = new BaselineSpec.Upsampler(new EncoderSpec.Edsr("edsr-baseline", 1, 8, 1f), 8);
        Weights weights = BaselineGraph.initialised(spec, 1, DataType.FLOAT, PixelLoss.L1).toWeights();
        Path model = dir.resolve("x8.safetensors");
        BaselineFiles.save(new BaselineFiles.Model(spec, weights, Map.of()), new Weights(Map.of()), model);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EvalResult result = Evaluator.run(new EvalOptions(model, List.of(dir.resolve("big")),
                EvalProtocol.WHOLE_IMAGE, List.of(8), true, null, 0, null, List.of(), 32),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        ImageScore score = result.scores("big", Method.MODEL, 8).get(0);
        assertEquals(256, score.hrH());
        assertTrue(score.psnr() > 0 && score.psnr() < 100, Double.toString(score.psnr()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("whole-image"), out.toString());
    }

    @Test
    void theProtocolNeedsAnInputSizeAndOnlyItTakesOne() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new EvalOptions(
                Shared.tinyModel(), List.of(dir), EvalProtocol.WHOLE_IMAGE, List.of(2), false, null, 0, null,
                List.of(), 0));
        assertTrue(missing.getMessage().contains("--input-size"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EvalOptions(Shared.tinyModel(), List.of(dir),
                EvalProtocol.BENCHMARK, List.of(2), false, null, 0, null, List.of(), 16));
        assertEquals(EvalProtocol.WHOLE_IMAGE, EvalProtocol.parse("whole-image"));
    }

    @Test
    void anImageSmallerThanTheTruthOrNotSquareIsRefusedWithItsSize() {
        FloatImage small = FloatImage.zeros(3, 20, 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvalPair.whole(small, 16, 2));
        assertTrue(e.getMessage().contains("20x20 is smaller than the 32x32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EvalPair.whole(FloatImage.zeros(3, 40, 50), 16, 2));
        assertTrue(e.getMessage().contains("not square"), e.getMessage());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
