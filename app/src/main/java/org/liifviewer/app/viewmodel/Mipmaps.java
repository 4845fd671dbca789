package org.liifviewer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import org.liifviewer.core.image.FloatImage;

/** Area-averaged half-size reductions of an image, for good downscaled display below 100%. */
public final class Mipmaps {

    private Mipmaps() {
    }

    /** Level 0 is {@code image}; each further level halves both sides (rounding up) until a side is at most {@code minSide}. */
    public static List<FloatImage> build(FloatImage image, int minSide) {
        List<FloatImage> levels = new ArrayList<>();
        levels.add(image);
        FloatImage level = image;
        while (Math.min(level.width(), level.height()) > minSide) {
            level = halve(level);
            levels.add(level);
        }
        return levels;
    }

    /** The mean of each 2x2 block (of the pixels that exist, at odd edges). */
    public static FloatImage halve(FloatImage src) {
        int w = (src.width() + 1) / 2;
        int h = (src.height() + 1) / 2;
        FloatImage out = FloatImage.zeros(src.channels(), h, w);
        for (int c = 0; c < src.channels(); c++) {
            for (int y = 0; y < h; y++) {
                int y0 = 2 * y;
                int y1 = Math.min(y0 + 1, src.height() - 1);
                for (int x = 0; x < w; x++) {
                    int x0 = 2 * x;
                    int x1 = Math.min(x0 + 1, src.width() - 1);
                    float sum = src.get(c, y0, x0) + src.get(c, y0, x1) + src.get(c, y1, x0) + src.get(c, y1, x1);
                    out.set(c, y, x, sum / 4);
                }
            }
        }
        return out;
    }

    /**
     * The level to draw at {@code zoom}: the smallest one still at least as large as the screen image, so that
     * the display never shrinks a level by more than 2x (0 at and above 100%).
     */
    public static int levelFor(double zoom, int levels) {
        if (zoom >= 1) {
            return 0;
        }
        int level = (int) Math.floor(Math.log(1 / zoom) / Math.log(2) + 1e-9);
        return Math.min(level, levels - 1);
    }
}
