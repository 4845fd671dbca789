package org.liifviewer.core.liif;

import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.encoder.WinogradConv3x3;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The latent-code part {@code W·z + b} of a decoder's first layer, for every feature pixel at once: with feature
 * unfolding the latent code is the 3x3 neighbourhood (channel-major, zero padded), so the projection is a 3x3
 * convolution of the feature map with the weight's latent columns as its kernel (by Winograd's F(4x4, 3x3),
 * {@link WinogradConv3x3}, where its channel counts allow).
 */
final class LatentProjection {

    private final int width;
    private final INDArray kernel;
    private final INDArray bias;
    private final Conv2DConfig conv;
    /** The 3x3 projection by Winograd where the channel counts allow (about 1.6 times oneDNN's here), else null. */
    private final WinogradConv3x3 winograd;

    /**
     * @param weight   the layer's weight, (in, out) rows for inputs; its first {@code channels * k * k} rows are the
     *                 latent code's
     * @param bias     the layer's bias, {@code out} values
     * @param channels feature channels
     * @param unfold   whether latent codes are 3x3 neighbourhoods
     */
    LatentProjection(INDArray weight, INDArray bias, int channels, boolean unfold) {
        this.width = (int) weight.size(1);
        int k = unfold ? 3 : 1;
        this.kernel = weight.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, (long) channels * k * k),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).transpose().dup('c').reshape('c', width, channels, k, k);
        this.bias = bias.reshape(width).dup();
        this.conv = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(k / 2).pW(k / 2).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.OIYX).build();
        this.winograd = unfold && WinogradConv3x3.supports(channels, width)
                ? WinogradConv3x3.of(kernel.data().asFloat(), this.bias.data().asFloat(), channels, width) : null;
    }

    /** Values per feature pixel. */
    int width() {
        return width;
    }

    /** Projections of a planar feature map, pixel-major ({@code [(y * w + x) * width() + j]}). */
    float[] project(FeatureMap f) {
        INDArray planar = Nd4j.create(f.data(), new long[] {1, f.channels(), f.height(), f.width()}, 'c');
        INDArray channelsLast = planar.permute(0, 2, 3, 1).dup('c');
        INDArray projected = project(channelsLast);
        channelsLast.close();
        float[] values = projected.data().asFloat();
        projected.close();
        return values;
    }

    /** Projections of a channels-last (1, H, W, C) feature array, as a (1, H, W, width) array. */
    INDArray project(INDArray channelsLast) {
        return winograd != null ? winograd.apply(channelsLast) : Nd4j.cnn().conv2d(channelsLast, kernel, bias, conv);
    }
}
