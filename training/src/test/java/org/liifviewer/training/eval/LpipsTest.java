package org.liifviewer.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.model.io.TensorFile;
import org.liifviewer.training.gradcheck.PlainConvolution;

/**
 * LPIPS's loading code and distance on random weights the test writes (lpips's linear layers and a VGG16-shaped
 * backbone with narrow layers): the distance against a plain implementation of the formulation, zero for equal images,
 * and a clear refusal of a linear layer that does not fit the backbone.
 */
class LpipsTest {

    private static final int[] CONVS = {0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28};
    private static final int[] WIDTHS = {4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 7, 7, 7};
    private static final int[] TAPS = {1, 3, 6, 9, 12};

    @TempDir
    Path dir;

    @Test
    void theDistanceIsThePlainFormulationsAndZeroForEqualImages() throws Exception {
        Map<String, Tensor> vgg = backbone();
        Map<String, Tensor> lin = linear();
        Lpips lpips = Lpips.load(write("lin.safetensors", lin), write("vgg16.safetensors", vgg));
        FloatImage a = image(1);
        FloatImage b = image(2);
        double expected = reference(vgg, lin, a, b);
        assertTrue(expected > 1e-3, "a distance that sees the images: " + expected);
        assertEquals(expected, lpips.distance(a, b), 1e-9 * expected);
        assertEquals(0.0, lpips.distance(a, a), 0.0);
    }

    @Test
    void aLinearLayerThatDoesNotFitTheBackboneIsRefused() throws Exception {
        Map<String, Tensor> lin = linear();
        lin.put("lin2.model.1.weight", new Tensor(new long[] {1, 5, 1, 1}, new float[5]));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> new Lpips(new Weights(lin), new Weights(backbone())));
        assertEquals("tensor 'lin2.model.1.weight' has shape [1, 5, 1, 1], expected [1, 6, 1, 1]", e.getMessage());
    }

    private Path write(String name, Map<String, Tensor> tensors) throws Exception {
        Path file = dir.resolve(name);
        ModelFiles.saveTensors(new TensorFile("lpips", Map.of(), new Weights(tensors), new Weights(Map.of())), file);
        return file;
    }

    private static Map<String, Tensor> backbone() {
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Tensor> sd = new LinkedHashMap<>();
        int in = 3;
        for (int i = 0; i < CONVS.length; i++) {
            sd.put("features." + CONVS[i] + ".weight", uniform(random, Math.sqrt(6 / (in * 9.0)), WIDTHS[i], in, 3, 3));
            sd.put("features." + CONVS[i] + ".bias", uniform(random, 0.2, WIDTHS[i]));
            in = WIDTHS[i];
        }
        return sd;
    }

    private static Map<String, Tensor> linear() {
        SplittableRandom random = new SplittableRandom(5);
        Map<String, Tensor> sd = new LinkedHashMap<>();
        for (int k = 0; k < TAPS.length; k++) {
            Tensor t = uniform(random, 1, 1, WIDTHS[TAPS[k]], 1, 1);
            for (int i = 0; i < t.data().length; i++) {
                t.data()[i] = Math.abs(t.data()[i]);            // lpips's weights are non-negative
            }
            sd.put("lin" + k + ".model.1.weight", t);
        }
        return sd;
    }

    private static FloatImage image(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[3 * 32 * 32];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble();
        }
        return new FloatImage(3, 32, 32, data);
    }

    private static Tensor uniform(SplittableRandom random, double bound, long... shape) {
        float[] data = new float[(int) Tensor.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(-bound, bound);
        }
        return new Tensor(shape, data);
    }

    /** LPIPS as its paper and the lpips package define it, plainly. */
    private static double reference(Map<String, Tensor> vgg, Map<String, Tensor> lin, FloatImage a, FloatImage b) {
        double[][] fa = taps(vgg, a);
        double[][] fb = taps(vgg, b);
        double total = 0;
        for (int k = 0; k < TAPS.length; k++) {
            int channels = WIDTHS[TAPS[k]];
            int pixels = fa[k].length / channels;
            double sum = 0;
            for (int p = 0; p < pixels; p++) {
                double na = 0;
                double nb = 0;
                for (int c = 0; c < channels; c++) {
                    na += fa[k][c * pixels + p] * fa[k][c * pixels + p];
                    nb += fb[k][c * pixels + p] * fb[k][c * pixels + p];
                }
                na = Math.sqrt(na) + 1e-10;
                nb = Math.sqrt(nb) + 1e-10;
                for (int c = 0; c < channels; c++) {
                    double d = fa[k][c * pixels + p] / na - fb[k][c * pixels + p] / nb;
                    sum += lin.get("lin" + k + ".model.1.weight").data()[c] * d * d;
                }
            }
            total += sum / pixels;
        }
        return total;
    }

    private static double[][] taps(Map<String, Tensor> vgg, FloatImage image) {
        double[] shift = {-0.030, -0.088, -0.188};
        double[] scale = {0.458, 0.448, 0.450};
        int h = image.height();
        int w = image.width();
        double[] x = new double[3 * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (2.0 * image.data()[i] - 1 - shift[i / (h * w)]) / scale[i / (h * w)];
        }
        double[][] taps = new double[TAPS.length][];
        int channels = 3;
        int tap = 0;
        for (int i = 0; i < CONVS.length; i++) {
            x = PlainConvolution.relu(PlainConvolution.conv3x3(x, channels, h, w,
                    vgg.get("features." + CONVS[i] + ".weight"), vgg.get("features." + CONVS[i] + ".bias").data()));
            channels = WIDTHS[i];
            if (tap < TAPS.length && i == TAPS[tap]) {
                taps[tap++] = x.clone();
                if (tap < TAPS.length) {
                    x = PlainConvolution.maxPool2(x, channels, h, w);
                    h /= 2;
                    w /= 2;
                }
            }
        }
        return taps;
    }
}
