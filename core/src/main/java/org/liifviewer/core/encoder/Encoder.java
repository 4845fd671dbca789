package org.liifviewer.core.encoder;

import org.liifviewer.core.image.FloatImage;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns an RGB image into a LIIF feature map of the same height and width. */
public interface Encoder {

    /** Encodes an RGB image with values in [0, 1] (normalised to [-1, 1] inside, as the official code does). */
    FeatureMap encode(FloatImage rgb);

    /** Like {@link #encode}, as a channels-last (1, H, W, C) array, the layout the fast decoder consumes. */
    default INDArray encodeChannelsLast(FloatImage rgb) {
        return encodeChannelsLast(rgb, () -> {
        });
    }

    /**
     * Like {@link #encodeChannelsLast(FloatImage)}, running {@code betweenLayers} between the network's blocks:
     * it may throw (e.g. a {@link java.util.concurrent.CancellationException}) to abandon a long pass, whose
     * intermediate arrays are then freed.
     */
    INDArray encodeChannelsLast(FloatImage rgb, Runnable betweenLayers);

    /** Input pixels beyond a region's border that influence its features: the receptive-field radius. */
    int receptiveRadius();
}
