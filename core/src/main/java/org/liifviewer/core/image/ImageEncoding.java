package org.liifviewer.core.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

/** Float planes to an 8- or 16-bit sRGB {@link BufferedImage} for the ImageIO writers. */
final class ImageEncoding {

    private ImageEncoding() {
    }

    /**
     * Quantises {@code v} to {@code [0, max]}: {@code floor(clamp(v, 0, 1) * max + 0.5)} in double
     * (round half up); NaN becomes 0.
     */
    static int quantize(float v, int max) {
        if (!(v > 0f)) {
            return 0;
        }
        if (v >= 1f) {
            return max;
        }
        return (int) (v * (double) max + 0.5);
    }

    static BufferedImage toBufferedImage(FloatImage rgb, FloatImage alpha, int bitDepth) {
        if (rgb.channels() != 3) {
            throw new IllegalArgumentException("expected a 3-channel image, got " + rgb.channels());
        }
        if (alpha != null && (alpha.channels() != 1 || alpha.height() != rgb.height() || alpha.width() != rgb.width())) {
            throw new IllegalArgumentException("alpha must be 1 channel of size " + rgb.width() + "x" + rgb.height());
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("bit depth must be 8 or 16, got " + bitDepth);
        }
        boolean hasAlpha = alpha != null;
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), hasAlpha, false,
                hasAlpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bitDepth == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(rgb.width(), rgb.height());
        int max = (1 << bitDepth) - 1;
        for (int c = 0; c < 3; c++) {
            copyPlane(rgb, c, raster, c, max);
        }
        if (hasAlpha) {
            copyPlane(alpha, 0, raster, 3, max);
        }
        return new BufferedImage(cm, raster, false, null);
    }

    private static void copyPlane(FloatImage src, int plane, WritableRaster raster, int band, int max) {
        int w = src.width();
        int[] row = new int[w];
        int base = plane * src.planeSize();
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < w; x++) {
                row[x] = quantize(src.data()[base + y * w + x], max);
            }
            raster.setSamples(0, y, w, 1, band, row);
        }
    }
}
