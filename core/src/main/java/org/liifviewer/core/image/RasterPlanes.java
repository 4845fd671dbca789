package org.liifviewer.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.PackedColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;

/**
 * The samples of a decoded {@link BufferedImage} as exact floats: an integer sample k of b bits
 * becomes {@code k / (2^b - 1)} (computed in float, i.e. exactly as {@code ToTensor}'s k/255f for 8 bits);
 * float samples are kept as they are. Palette images are expanded through the palette (8 bits).
 * Colour spaces other than RGB and gray are converted to sRGB by Java2D (8 bits).
 *
 * @param rgb       3 planes; gray sources are replicated
 * @param alpha     1 plane, or null
 * @param bitDepth  bits per colour sample
 * @param grayscale whether the source had a single colour channel
 */
record RasterPlanes(FloatImage rgb, FloatImage alpha, int bitDepth, boolean grayscale) {

    static RasterPlanes of(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            return fromArgb(img, isGrayPalette(icm));
        }
        int csType = cm.getColorSpace().getType();
        boolean rawSamples = (cm instanceof ComponentColorModel || cm instanceof PackedColorModel)
                && (csType == ColorSpace.TYPE_RGB || csType == ColorSpace.TYPE_GRAY);
        if (!rawSamples) {
            return fromArgb(img, false);
        }
        if (cm.isAlphaPremultiplied()) {
            img.coerceData(false);
        }
        Raster raster = img.getRaster();
        SampleModel sm = raster.getSampleModel();
        int colors = cm.getNumColorComponents();
        int h = img.getHeight();
        int w = img.getWidth();
        FloatImage rgb = FloatImage.zeros(3, h, w);
        for (int c = 0; c < colors; c++) {
            copyBand(raster, c, rgb, c);
        }
        for (int c = colors; c < 3; c++) {
            System.arraycopy(rgb.data(), 0, rgb.data(), c * rgb.planeSize(), rgb.planeSize());
        }
        FloatImage alpha = null;
        if (cm.hasAlpha()) {
            alpha = FloatImage.zeros(1, h, w);
            copyBand(raster, colors, alpha, 0);
        }
        boolean floats = isFloat(sm.getDataType());
        int bits = floats ? 32 : sm.getSampleSize(0);
        for (int c = 1; c < colors && !floats; c++) {
            bits = Math.max(bits, sm.getSampleSize(c));
        }
        return new RasterPlanes(rgb, alpha, bits, colors == 1);
    }

    private static boolean isFloat(int dataType) {
        return dataType == DataBuffer.TYPE_FLOAT || dataType == DataBuffer.TYPE_DOUBLE;
    }

    private static void copyBand(Raster raster, int band, FloatImage dst, int plane) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        float[] out = dst.data();
        int base = plane * dst.planeSize();
        if (isFloat(raster.getSampleModel().getDataType())) {
            float[] row = new float[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, band, row);
                System.arraycopy(row, 0, out, base + y * w, w);
            }
            return;
        }
        float max = (float) ((1L << raster.getSampleModel().getSampleSize(band)) - 1);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, band, row);
            for (int x = 0; x < w; x++) {
                out[base + y * w + x] = row[x] / max;
            }
        }
    }

    private static boolean isGrayPalette(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    /** 8-bit conversion through the colour model (palettes, CMYK, YCbCr and other colour spaces). */
    private static RasterPlanes fromArgb(BufferedImage img, boolean grayscale) {
        int h = img.getHeight();
        int w = img.getWidth();
        boolean hasAlpha = img.getColorModel().hasAlpha();
        FloatImage rgb = FloatImage.zeros(3, h, w);
        FloatImage alpha = hasAlpha ? FloatImage.zeros(1, h, w) : null;
        int plane = rgb.planeSize();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int argb = row[x];
                rgb.data()[i] = ((argb >> 16) & 0xFF) / 255f;
                rgb.data()[plane + i] = ((argb >> 8) & 0xFF) / 255f;
                rgb.data()[2 * plane + i] = (argb & 0xFF) / 255f;
                if (alpha != null) {
                    alpha.data()[i] = (argb >>> 24) / 255f;
                }
            }
        }
        return new RasterPlanes(rgb, alpha, 8, grayscale);
    }
}
