package org.liifviewer.training.eval;

import java.io.IOException;
import java.nio.file.Path;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.training.graph.VggFeatures;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * LPIPS (Zhang et al., CVPR 2018), the learned perceptual distance the LIIF-GAN paper reports, in its VGG form: the
 * official {@code lpips} package's linear layers ({@code lin<k>.model.1.weight}, its {@code weights/v0.1/vgg.pth}) on
 * torchvision's VGG16 features (a {@code vgg16-*.pth} state_dict), both read by the restricted unpickler or as
 * safetensors. Images in [0, 1] go to [-1, 1], through lpips's scaling layer, VGG16 to relu1_2, relu2_2, relu3_3,
 * relu4_3 and relu5_3; at each, both images' features are normalised to unit length per position, their squared
 * difference weighted by the linear layer and averaged over positions; the distance is the sum over the five layers.
 */
public final class Lpips {

    /** torchvision's indices of VGG16's 13 convolutions in {@code features}. */
    private static final int[] CONVS = {0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28};
    /** Convolutions (by position) whose ReLU output LPIPS compares. */
    private static final int[] TAPS = {1, 3, 6, 9, 12};
    private static final double[] SHIFT = {-0.030, -0.088, -0.188};
    private static final double[] SCALE = {0.458, 0.448, 0.450};
    private static final double EPS = 1e-10;

    private final INDArray[][] convs;
    private final INDArray[] linear;

    /** Reads lpips's linear layers and torchvision's VGG16 ({@code .pth} state_dicts or safetensors). */
    public static Lpips load(Path linearLayers, Path backbone) throws IOException {
        Weights lin = ModelFiles.loadStateDict(linearLayers);
        Weights vgg = ModelFiles.loadStateDict(backbone);
        try {
            return new Lpips(lin, vgg);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(linearLayers + " / " + backbone + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws ModelFormatException naming the first missing or misshaped tensor
     */
    public Lpips(Weights linearLayers, Weights vgg16) throws ModelFormatException {
        convs = VggFeatures.read(vgg16, CONVS, "VGG16", DataType.DOUBLE);
        linear = new INDArray[TAPS.length];
        for (int k = 0; k < TAPS.length; k++) {
            long channels = convs[TAPS[k]][0].size(0);
            linear[k] = VggFeatures.array(linearLayers.get("lin" + k + ".model.1.weight", 1, channels, 1, 1),
                    DataType.DOUBLE);
        }
    }

    /** The distance between two RGB images of one size, values in [0, 1]. */
    public double distance(FloatImage a, FloatImage b) {
        if (a.height() != b.height() || a.width() != b.width() || a.channels() != 3 || b.channels() != 3) {
            throw new IllegalArgumentException("LPIPS compares two RGB images of one size");
        }
        INDArray[] fa = features(a);
        INDArray[] fb = features(b);
        double total = 0;
        for (int k = 0; k < TAPS.length; k++) {
            INDArray difference = unit(fa[k]).subi(unit(fb[k]));
            INDArray weighted = difference.muli(difference).muli(linear[k].broadcast(difference.shape()));
            total += weighted.sum(1).meanNumber().doubleValue();
        }
        return total;
    }

    /** The five compared activations of {@code image}. */
    private INDArray[] features(FloatImage image) {
        INDArray x = Nd4j.createFromArray(image.data()).castTo(DataType.DOUBLE)
                .reshape(1, 3, image.height(), image.width());
        for (int c = 0; c < 3; c++) {
            INDArray channel = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(c));
            channel.muli(2).subi(1).subi(SHIFT[c]).divi(SCALE[c]);
        }
        INDArray[] taps = new INDArray[TAPS.length];
        Conv2DConfig conv = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
                .dataFormat("NCHW").weightsFormat(WeightsFormat.OIYX).build();
        Pooling2DConfig pool = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build();
        int tap = 0;
        for (int i = 0; i < convs.length; i++) {
            if (tap > 0 && i == TAPS[tap - 1] + 1) {
                x = Nd4j.cnn().maxPooling2d(x, pool);
            }
            x = Transforms.relu(Nd4j.cnn().conv2d(x, convs[i][0], convs[i][1], conv), false);
            if (i == TAPS[tap]) {
                taps[tap++] = x;
            }
        }
        return taps;
    }

    /** Features (1, C, H, W) divided by their length over the channels at each position (plus 1e-10). */
    private static INDArray unit(INDArray features) {
        INDArray norm = Transforms.sqrt(features.mul(features).sum(true, 1), false).addi(EPS);
        return features.div(norm.broadcast(features.shape()));
    }

}
