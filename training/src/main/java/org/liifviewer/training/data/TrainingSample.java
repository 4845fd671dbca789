package org.liifviewer.training.data;

import org.liifviewer.core.image.FloatImage;

/**
 * One training example of the paper's sampler.
 *
 * @param input  low-resolution input (3 x inp x inp), values k/255
 * @param coord  (y, x) pixel-centre coordinates of the sampled HR pixels, {@code queries * 2} values
 * @param cell   (2/w_hr, 2/w_hr) per query, same layout
 * @param rgb    the sampled HR pixels' RGB, {@code queries * 3} values k/255
 */
public record TrainingSample(FloatImage input, float[] coord, float[] cell, float[] rgb) {

    public int queries() {
        return coord.length / 2;
    }
}
