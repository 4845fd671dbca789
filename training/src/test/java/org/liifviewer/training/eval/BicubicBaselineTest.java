package org.liifviewer.training.eval;

import org.liifviewer.training.Shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bicubic rows on full sets match the SR literature's (MATLAB bicubic, Y PSNR, shave = scale;
 * {@code shared/docs/EVAL-REFERENCE.md}).
 */
class BicubicBaselineTest {

    private static final List<Integer> SCALES = List.of(2, 3, 4);

    @Test
    void set5MatchesThePublishedBicubicRow() throws IOException {
        check("Set5", 33.66, 30.39, 28.42);
    }

    @Test
    @Tag("heavy")
    void set14AndB100MatchThePublishedBicubicRows() throws IOException {
        check("Set14", 30.24, 27.55, 26.00);
        check("B100", 29.56, 27.21, 25.96);
    }

    private static void check(String set, double... published) throws IOException {
        Evaluator bicubicOnly = new Evaluator(Map.of(Method.BICUBIC, Upscaler.matlabBicubic()), EvalProtocol.BENCHMARK,
                new PrintStream(new ByteArrayOutputStream()), null);
        List<ImageScore> scores = bicubicOnly.evaluate(EvalSet.open(Shared.path("data/" + set)), SCALES, 0);
        EvalResult result = new EvalResult("none", EvalProtocol.BENCHMARK, List.of(set), SCALES, scores);
        for (int i = 0; i < published.length; i++) {
            int scale = SCALES.get(i);
            double measured = result.mean(Metric.PSNR, Method.BICUBIC, scale);
            System.out.printf("%s bicubic x%d: %.3f dB (published %.2f), SSIM %.4f%n", set, scale, measured,
                    published[i], result.mean(Metric.SSIM, Method.BICUBIC, scale));
            assertEquals(published[i], measured, 0.1, set + " x" + scale);
        }
    }
}
