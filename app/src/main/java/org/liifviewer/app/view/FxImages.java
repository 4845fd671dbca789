package org.liifviewer.app.view;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.liifviewer.core.image.FloatImage;

/** Conversions from core images to JavaFX images. */
public final class FxImages {

    private FxImages() {
    }

    /** An opaque JavaFX image of an RGB float image (values clamped to [0, 1], rounded to 8 bits). */
    public static WritableImage toFx(FloatImage rgb) {
        int w = rgb.width();
        int h = rgb.height();
        int plane = w * h;
        int[] argb = new int[plane];
        float[] d = rgb.data();
        for (int i = 0; i < plane; i++) {
            argb[i] = 0xff000000 | (to8(d[i]) << 16) | (to8(d[plane + i]) << 8) | to8(d[2 * plane + i]);
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }

    private static int to8(float v) {
        return Math.round(Math.min(Math.max(v, 0f), 1f) * 255f);
    }
}
