package org.liifviewer.training.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.training.gradcheck.GradientCheck;
import org.liifviewer.training.gradcheck.PlainConvolution;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The VGG19 perceptual loss on a VGG19-shaped file with random weights (torchvision's names and layer structure,
 * narrower layers) that the test writes: its value against a plain implementation of VGG19's features, its gradient
 * against finite differences, and the refusal of a file that is not VGG19.
 */
class Vgg19PerceptualTest {

    private static final int[] CONVS = VggShapedFile.CONVS;

    @TempDir
    Path dir;

    @Test
    void theLossIsTheMeanAbsoluteDifferenceOfConv54FeaturesAndItsGradientMatches() throws Exception {
        Map<String, Tensor> sd = VggShapedFile.tensors();
        Path file = VggShapedFile.write(dir.resolve("vgg19-random.safetensors"), sd);
        Vgg19Perceptual vgg = Vgg19Perceptual.load(file, DataType.DOUBLE);
        Random random = new Random(2);
        INDArray real = GradientCheck.uniform(random, 1, 3, 16, 16);
        INDArray fake = GradientCheck.uniform(random, 1, 3, 16, 16);

        double[] a = reference(sd, real);
        double[] b = reference(sd, fake);
        double expected = 0;
        for (int i = 0; i < a.length; i++) {
            expected += Math.abs(a[i] - b[i]) / a.length;
        }
        Vgg19Perceptual.Term term = vgg.evaluate(real, fake);
        assertTrue(expected > 1e-3, "features that carry the input: " + expected);
        assertEquals(expected, term.value(), 1e-6 * expected);
        assertEquals(0.0, vgg.evaluate(real, real).value(), 0.0);

        GradientCheck.run(Map.of("fake", fake), Map.of("fake", term.fakeGradient()),
                () -> vgg.evaluate(real, fake).value(), 1e-5, n -> 96).assertWithin(1e-5, "VGG19 perceptual loss");
    }

    @Test
    void aFileThatIsNotVgg19IsRefusedNamingTheLayer() throws Exception {
        Map<String, Tensor> sd = VggShapedFile.tensors();
        sd.remove("features.34.weight");
        Path file = VggShapedFile.write(dir.resolve("vgg19-cut.safetensors"), sd);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Vgg19Perceptual.load(file, DataType.FLOAT));
        assertEquals(file + ": model file lacks the tensor 'features.34.weight'", e.getMessage());
        Map<String, Tensor> wrong = VggShapedFile.tensors();
        wrong.put("features.5.weight", new Tensor(new long[] {5, 3, 3, 3}, new float[135]));
        e = assertThrows(ModelFormatException.class, () -> new Vgg19Perceptual(new Weights(wrong), DataType.FLOAT));
        assertTrue(e.getMessage().startsWith("not VGG19's features: 'features.5.weight' has shape [5, 3, 3, 3]"),
                e.getMessage());
    }

    /** VGG19's features up to conv5_4 (before its ReLU) of a [-1, 1] patch (1, 3, h, w), plainly, in double. */
    private static double[] reference(Map<String, Tensor> sd, INDArray patch) {
        int h = (int) patch.size(2);
        int w = (int) patch.size(3);
        double[] mean = {0.485, 0.456, 0.406};
        double[] std = {0.229, 0.224, 0.225};
        double[] x = new double[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < h * w; i++) {
                x[c * h * w + i] = ((patch.getDouble(0, c, i / w, i % w) + 1) / 2 - mean[c]) / std[c];
            }
        }
        int channels = 3;
        for (int l = 0; l < CONVS.length; l++) {
            Tensor wt = sd.get("features." + CONVS[l] + ".weight");
            x = PlainConvolution.conv3x3(x, channels, h, w, wt, sd.get("features." + CONVS[l] + ".bias").data());
            if (l < CONVS.length - 1) {
                PlainConvolution.relu(x);
            }
            channels = (int) wt.dim(0);
            if (l == 1 || l == 3 || l == 7 || l == 11) {
                x = PlainConvolution.maxPool2(x, channels, h, w);
                h /= 2;
                w /= 2;
            }
        }
        return x;
    }
}
