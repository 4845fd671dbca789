package org.liifviewer.training.gan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.training.graph.VggFeatures;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The paper's perceptual loss, {@code |VGG(real) - VGG(generated)|}: the mean absolute difference of VGG19 features of
 * the two patches, taken at conv5_4 before its ReLU (ESRGAN's choice; the paper does not name the layer), from
 * torchvision's VGG19 {@code features} (a {@code vgg19-*.pth} state_dict, read by the restricted unpickler, or the same
 * tensors as safetensors). Patches in [-1, 1] are mapped to [0, 1] and normalised with ImageNet's mean and deviation,
 * as torchvision's weights expect. The widths are read from the file, so a narrower network of the same shape loads
 * too.
 */
public final class Vgg19Perceptual {

    /** torchvision's indices of VGG19's 16 convolutions in {@code features}. */
    private static final int[] CONVS = {0, 2, 5, 7, 10, 12, 14, 16, 19, 21, 23, 25, 28, 30, 32, 34};
    /** Convolutions (by position in {@link #CONVS}) followed by 2x2 max pooling before the next one. */
    private static final List<Integer> POOLED = List.of(1, 3, 7, 11);
    private static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    private static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};
    private static final String DISTANCE = "vgg_distance";

    private final PatchGradient graph;

    /** Reads torchvision's VGG19 weights from {@code file} ({@code .pth} or safetensors). */
    public static Vgg19Perceptual load(Path file, DataType type) throws IOException {
        Weights weights = ModelFiles.loadStateDict(file);
        try {
            return new Vgg19Perceptual(weights, type);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param weights torchvision's VGG19 tensors ({@code features.<i>.weight/bias}; others, such as the classifier,
     *                are ignored)
     * @throws ModelFormatException naming the first missing or misshaped convolution
     */
    public Vgg19Perceptual(Weights weights, DataType type) throws ModelFormatException {
        graph = new PatchGradient(type);
        SameDiff sd = graph.graph();
        INDArray[][] layers = VggFeatures.read(weights, CONVS, "VGG19", type);
        SDVariable[][] variables = new SDVariable[layers.length][];
        for (int i = 0; i < layers.length; i++) {
            variables[i] = new SDVariable[] {sd.constant("vgg_w" + i, layers[i][0]), sd.constant("vgg_b" + i,
                    layers[i][1])};
        }
        SDVariable real = features(sd, normalised(sd, graph.real()), variables);
        SDVariable fake = features(sd, normalised(sd, graph.fake()), variables);
        PatchGradient.meanAbsoluteDifference(sd, fake, real).rename(DISTANCE).markAsLoss();
    }

    /** The loss's value and its gradient with respect to the generated patches (B, 3, P, P). */
    public Term evaluate(INDArray real, INDArray fake) {
        Map<String, INDArray> values = graph.evaluate(real, fake, List.of(DISTANCE));
        return new Term(values.get(DISTANCE).getDouble(0), values.get(PatchGradient.FAKE));
    }

    /**
     * A perceptual term's value and its gradient.
     *
     * @param value        the mean absolute feature difference
     * @param fakeGradient its gradient by the generated patches
     */
    public record Term(double value, INDArray fakeGradient) {
    }

    /** [-1, 1] to ImageNet-normalised values: ((x + 1) / 2 - mean) / std per channel. */
    private static SDVariable normalised(SameDiff sd, SDVariable patch) {
        double[] scale = new double[3];
        double[] shift = new double[3];
        for (int c = 0; c < 3; c++) {
            scale[c] = 0.5 / IMAGENET_STD[c];
            shift[c] = (0.5 - IMAGENET_MEAN[c]) / IMAGENET_STD[c];
        }
        DataType type = patch.dataType();
        SDVariable s = sd.constant(Nd4j.createFromArray(scale).castTo(type).reshape(1, 3, 1, 1));
        SDVariable t = sd.constant(Nd4j.createFromArray(shift).castTo(type).reshape(1, 3, 1, 1));
        return patch.mul(s).add(t);
    }

    /** conv1_1 ... conv5_4 (ReLU after each but the last, pooling after conv1_2, 2_2, 3_4 and 4_4). */
    private static SDVariable features(SameDiff sd, SDVariable x, SDVariable[][] layers) {
        SDVariable h = x;
        Pooling2DConfig pool = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build();
        for (int i = 0; i < layers.length; i++) {
            h = PatchDiscriminator.conv(sd, h, layers[i][0], layers[i][1], 3, 1);
            if (i < layers.length - 1) {
                h = sd.nn().relu(h, 0);
            }
            if (POOLED.contains(i)) {
                h = sd.cnn().maxPooling2d(h, pool);
            }
        }
        return h;
    }
}
