package org.liifviewer.core.encoder;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.FeatureMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Common input and output handling of the ND4J encoders: normalisation to [-1, 1] and NCHW layout. */
abstract class NetworkEncoder implements Encoder {

    private final int receptiveRadius;

    NetworkEncoder(int receptiveRadius) {
        this.receptiveRadius = receptiveRadius;
    }

    @Override
    public final FeatureMap encode(FloatImage rgb) {
        if (rgb.channels() != 3) {
            throw new IllegalArgumentException("the encoder needs an RGB image, got " + rgb.channels() + " channels");
        }
        float[] norm = new float[rgb.data().length];
        float[] src = rgb.data();
        for (int i = 0; i < norm.length; i++) {
            norm[i] = (src[i] - 0.5f) / 0.5f;
        }
        INDArray x = Nd4j.create(norm, new long[] {1, 3, rgb.height(), rgb.width()}, 'c');
        INDArray feat = forward(x);
        return new FeatureMap((int) feat.size(1), rgb.height(), rgb.width(), feat.dup('c').data().asFloat());
    }

    @Override
    public final int receptiveRadius() {
        return receptiveRadius;
    }

    /** The network on a normalised (1, 3, H, W) input; returns (1, C, H, W). */
    abstract INDArray forward(INDArray x);
}
