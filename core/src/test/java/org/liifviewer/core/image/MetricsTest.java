package org.liifviewer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void psnrMatchesOfficialCalcPsnrFloat64() throws Exception {
        FloatImage gt = ImageFiles.read(SharedData.golden("psnr/gt.png")).rgb();
        FloatImage sr = ImageFiles.read(SharedData.golden("psnr/sr.png")).rgb();
        JsonNode results = new ObjectMapper().readTree(SharedData.golden("psnr/psnr.json").toFile()).get("results");
        assertEquals(9, results.size());
        for (JsonNode r : results) {
            String dataset = r.get("dataset").isNull() ? null : r.get("dataset").asText();
            PsnrProtocol protocol = dataset == null ? PsnrProtocol.rgb()
                    : dataset.equals("div2k") ? PsnrProtocol.div2k(r.get("scale").asInt())
                    : PsnrProtocol.benchmark(r.get("scale").asInt());
            assertEquals(r.get("shave").asInt(), protocol.shave());
            assertEquals(r.get("y_channel").asBoolean(), protocol.yChannel());
            double psnr = Metrics.psnr(sr, gt, protocol);
            assertEquals(r.get("psnr_f64").asDouble(), psnr, 1e-9, r.toString());
            assertEquals(r.get("psnr_f32").asDouble(), psnr, 1e-5, r.toString());
        }
    }

    @Test
    void grayImagesMeasureLikeTheirRgbExpansion() {
        Random rnd = new Random(3);
        FloatImage a = random(rnd, 1, 30, 20);
        FloatImage b = random(rnd, 1, 30, 20);
        for (PsnrProtocol p : new PsnrProtocol[] {PsnrProtocol.rgb(), PsnrProtocol.div2k(2), PsnrProtocol.benchmark(4)}) {
            assertEquals(Metrics.psnr(toRgb(a), toRgb(b), p), Metrics.psnr(a, b, p), 1e-12, p.toString());
        }
        assertEquals(Metrics.ssim(toRgb(a), toRgb(b), 2), Metrics.ssim(a, b, 2), 1e-12);
    }

    @Test
    void psnrOfKnownUniformError() {
        FloatImage a = FloatImage.zeros(3, 8, 8);
        FloatImage b = FloatImage.zeros(3, 8, 8);
        Arrays.fill(b.data(), 0.1f);
        assertEquals(-10 * Math.log10((double) 0.1f * 0.1f), Metrics.psnr(a, b, PsnrProtocol.rgb()), 1e-12);
        double y = 0.1f * (65.738 + 129.057 + 25.064) / 256;
        assertEquals(-10 * Math.log10(y * y), Metrics.psnr(a, b, PsnrProtocol.benchmark(2)), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Metrics.psnr(a, a, PsnrProtocol.rgb()));
        assertThrows(IllegalArgumentException.class, () -> Metrics.psnr(a, b, PsnrProtocol.div2k(2)));
    }

    @Test
    void ssimOfIdenticalImagesIsOne() {
        FloatImage a = random(new Random(5), 3, 32, 40);
        assertEquals(1.0, Metrics.ssim(a, a, 4), 1e-12);
    }

    @Test
    void ssimOfFlatImagesIsTheLuminanceTerm() {
        FloatImage a = FloatImage.zeros(3, 16, 16);
        FloatImage b = FloatImage.zeros(3, 16, 16);
        Arrays.fill(a.data(), 0.25f);
        Arrays.fill(b.data(), 0.75f);
        double ya = 16 + 219 * 0.25;
        double yb = 16 + 219 * 0.75;
        double c1 = Math.pow(0.01 * 255, 2);
        double expected = (2 * ya * yb + c1) / (ya * ya + yb * yb + c1);
        assertEquals(expected, Metrics.ssim(a, b, 0), 1e-9);
    }

    @Test
    void ssimOfNegatedTextureIsNegativeAndNoiseLowersIt() {
        Random rnd = new Random(9);
        FloatImage a = random(rnd, 1, 40, 40);
        FloatImage negated = FloatImage.zeros(1, 40, 40);
        FloatImage noisy = FloatImage.zeros(1, 40, 40);
        for (int i = 0; i < a.data().length; i++) {
            negated.data()[i] = 1 - a.data()[i];
            noisy.data()[i] = Math.min(1, Math.max(0, a.data()[i] + 0.05f * (float) rnd.nextGaussian()));
        }
        assertTrue(Metrics.ssim(a, negated, 0) < 0);
        double s = Metrics.ssim(a, noisy, 0);
        assertTrue(s > 0.8 && s < 1, "ssim " + s);
        assertEquals(s, Metrics.ssim(noisy, a, 0), 1e-12, "symmetric");
    }

    static FloatImage random(Random rnd, int c, int h, int w) {
        FloatImage img = FloatImage.zeros(c, h, w);
        for (int i = 0; i < img.data().length; i++) {
            img.data()[i] = rnd.nextInt(256) / 255f;
        }
        return img;
    }

    static FloatImage toRgb(FloatImage gray) {
        FloatImage rgb = FloatImage.zeros(3, gray.height(), gray.width());
        for (int c = 0; c < 3; c++) {
            System.arraycopy(gray.data(), 0, rgb.data(), c * gray.planeSize(), gray.planeSize());
        }
        return rgb;
    }
}
