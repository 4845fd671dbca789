package org.liifviewer.training.data;

import org.liifviewer.core.image.FloatImage;

/**
 * Training augmentation: the official one, in its order (reverse rows, reverse columns, then transpose), and an
 * optional reordering of the colour channels.
 */
final class Augment {

    /** The six orders of three channels; index 0 keeps them as they are. */
    static final int[][] CHANNEL_ORDERS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    private Augment() {
    }

    static FloatImage apply(FloatImage img, boolean flipRows, boolean flipCols, boolean transpose) {
        int h = img.height();
        int w = img.width();
        FloatImage out = transpose ? FloatImage.zeros(img.channels(), w, h) : FloatImage.zeros(img.channels(), h, w);
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < h; y++) {
                int sy = flipRows ? h - 1 - y : y;
                for (int x = 0; x < w; x++) {
                    float v = img.get(c, sy, flipCols ? w - 1 - x : x);
                    if (transpose) {
                        out.set(c, x, y, v);
                    } else {
                        out.set(c, y, x, v);
                    }
                }
            }
        }
        return out;
    }

    /** A copy of {@code img} whose channel c is channel {@code order[c]} of {@code img}. */
    static FloatImage permuteChannels(FloatImage img, int[] order) {
        if (order.length != img.channels()) {
            throw new IllegalArgumentException(order.length + " channel indices for " + img.channels() + " channels");
        }
        int plane = img.planeSize();
        float[] out = new float[img.data().length];
        for (int c = 0; c < order.length; c++) {
            System.arraycopy(img.data(), order[c] * plane, out, c * plane, plane);
        }
        return new FloatImage(img.channels(), img.height(), img.width(), out);
    }
}
