package org.liifviewer.training.data;

import org.liifviewer.core.image.FloatImage;

/** The official training augmentation, in its order: reverse rows, reverse columns, then transpose. */
final class Augment {

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
}
