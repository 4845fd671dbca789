package org.liifviewer.core.encoder;

import org.liifviewer.core.image.FloatImage;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Common input and output handling of the ND4J encoders: normalisation to [-1, 1], channels-last layout. */
abstract class NetworkEncoder implements Encoder {

    private final int receptiveRadius;

    NetworkEncoder(int receptiveRadius) {
        this.receptiveRadius = receptiveRadius;
    }

    @Override
    public final FeatureMap encode(FloatImage rgb) {
        INDArray feat = encodeChannelsLast(rgb);
        float[] planar = feat.permute(0, 3, 1, 2).dup('c').data().asFloat();
        return new FeatureMap((int) feat.size(3), rgb.height(), rgb.width(), planar);
    }

    @Override
    public final INDArray encodeChannelsLast(FloatImage rgb, Runnable betweenLayers) {
        if (rgb.channels() != 3) {
            throw new IllegalArgumentException("the encoder needs an RGB image, got " + rgb.channels() + " channels");
        }
        int plane = rgb.planeSize();
        float[] src = rgb.data();
        float[] norm = new float[src.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                norm[p * 3 + c] = (src[c * plane + p] - 0.5f) / 0.5f;
            }
        }
        INDArray x = Nd4j.create(norm, new long[] {1, rgb.height(), rgb.width(), 3}, 'c');
        try {
            return forward(x, betweenLayers);
        } finally {
            x.close();
        }
    }

    @Override
    public final int receptiveRadius() {
        return receptiveRadius;
    }

    /**
     * The network on a normalised channels-last (1, H, W, 3) input; returns (1, H, W, C). Runs
     * {@code betweenLayers} between blocks and frees its intermediate arrays when that throws.
     */
    abstract INDArray forward(INDArray x, Runnable betweenLayers);
}
