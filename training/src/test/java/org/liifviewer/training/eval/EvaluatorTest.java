package org.liifviewer.training.eval;

import org.liifviewer.training.Shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end with the tiny random-weight model on two Set5 images. */
class EvaluatorTest {

    @TempDir
    Path dir;

    @Test
    void twoImagesAtX2AndX6GiveTableCsvPlotAndJson() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        EvalResult result = Evaluator.run(new EvalOptions(Shared.tinyModel(), List.of(Shared.set5()),
                EvalProtocol.BENCHMARK, List.of(2, 6), true, dir, 2), new PrintStream(stdout, true, StandardCharsets.UTF_8));

        assertEquals(2 * 2 * 2, result.scores().size(), "2 images x 2 scales x 2 methods");
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        String text = String.join("\n", lines);
        assertTrue(text.contains("Bicubic (MATLAB imresize)") && text.contains("x6") && text.contains("Set5 (2 images)"), text);

        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(List.of(Method.BICUBIC, Method.MODEL), result.methods());
        for (Method m : result.methods()) {
            for (int s : List.of(2, 6)) {
                assertEquals(result.mean(Metric.PSNR, m, s), json.get(m.label()).get(Integer.toString(s)).asDouble(), 1e-4);
            }
        }
        double bicubicX2 = json.get("bicubic").get("2").asDouble();
        assertTrue(bicubicX2 > 25 && bicubicX2 < 45, "bicubic x2 " + bicubicX2);
        assertTrue(json.get("model").get("2").asDouble() < bicubicX2, "random weights are worse than bicubic");

        List<String> csv = Files.readAllLines(dir.resolve("eval.csv"));
        assertEquals(CsvReport.HEADER, csv.get(0));
        assertEquals(1 + 2 * 2 + 8, csv.size(), "header, 4 means, 8 per-image rows");
        ImageScore bird = result.scores("Set5", Method.BICUBIC, 6).get(1);
        assertTrue(csv.contains(String.format(Locale.ROOT, "image,Set5,bird,6,bicubic,generated,48,48,288,288,%.4f,%.5f,%.4f,NaN",
                bird.psnr(), bird.ssim(), bird.gradientRatio())), String.join("\n", csv));
        assertTrue(bird.gradientRatio() > 0.2 && bird.gradientRatio() < 1, "bicubic x6 is blurred: " + bird.gradientRatio());
        assertEquals(result.mean(Metric.GRADIENT_RATIO, Method.BICUBIC, 6), json.get("gradient_ratio").get("bicubic").get("6").asDouble(),
                1e-4);

        BufferedImage plot = ImageIO.read(dir.resolve("psnr_vs_scale.png").toFile());
        assertEquals(800, plot.getWidth());
        assertEquals(560, plot.getHeight());
    }

    @Test
    void badInputsAreRefusedBeforeAnyWork() {
        IOException parent = assertThrows(IOException.class, () -> Evaluator.run(new EvalOptions(Shared.tinyModel(),
                List.of(Shared.set5().getParent()), EvalProtocol.BENCHMARK, List.of(2), false, null, 0), System.out));
        assertTrue(parent.getMessage().contains("sets inside"), parent.getMessage());
        assertThrows(IOException.class, () -> Evaluator.run(new EvalOptions(dir.resolve("missing.pth"),
                List.of(Shared.set5()), EvalProtocol.BENCHMARK, List.of(2), false, null, 0), System.out));
        assertThrows(IllegalArgumentException.class, () -> new EvalOptions(Shared.tinyModel(), List.of(Shared.set5()),
                EvalProtocol.BENCHMARK, List.of(1), false, null, 0));
    }
}
