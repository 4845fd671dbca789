package org.liifviewer.core.image;

import java.util.Arrays;

/**
 * MATLAB {@code imresize(uint8 image, scale, 'bicubic')} (the default antialiasing on): Keys cubic
 * a = -0.5; when downscaling by s &lt; 1 the kernel is widened to 4/s and scaled by s. Source position
 * of output x (1-based) is {@code u = x / s + 0.5 * (1 - 1 / s)}; taps {@code floor(u - width/2) + 0..ceil(width)+1},
 * weights normalised per output, indices mirrored symmetrically at the borders. Each dimension is
 * resized separately in double and rounded to uint8 (half away from zero, saturating); the dimension
 * with the smaller scale goes first, rows (height) on ties, as MATLAB orders them.
 * This is how the DIV2K and benchmark {@code LR_bicubic} files were made, and how the "bicubic"
 * baseline upscales.
 */
public final class MatlabImresize {

    private static final double KERNEL_WIDTH = 4.0;

    private MatlabImresize() {
    }

    /** Resizes by {@code scale} in both dimensions; output size {@code ceil(scale * size)} like MATLAB. */
    public static FloatImage resize(FloatImage img, double scale) {
        return resize(img, scale, scale, outputSize(img.height(), scale), outputSize(img.width(), scale));
    }

    /** Resizes to a target size; the scale of each dimension is {@code out / in} like MATLAB's {@code [rows cols]} form. */
    public static FloatImage resize(FloatImage img, int outH, int outW) {
        return resize(img, (double) outH / img.height(), (double) outW / img.width(), outH, outW);
    }

    /**
     * General form: explicit per-dimension scales and output size. Input values are quantised to
     * uint8 by rounding ({@code k/255} inputs are exact); output values are {@code k/255f}.
     */
    public static FloatImage resize(FloatImage img, double scaleH, double scaleW, int outH, int outW) {
        int n = img.data().length;
        byte[] u8 = new byte[n];
        for (int i = 0; i < n; i++) {
            u8[i] = (byte) SampleLevels.of(img.data()[i], 255);
        }
        byte[] out = resize(u8, img.channels(), img.height(), img.width(), scaleH, scaleW, outH, outW);
        float[] f = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            f[i] = (out[i] & 0xFF) / 255f;
        }
        return new FloatImage(img.channels(), outH, outW, f);
    }

    /** Resizes planar (channel, row, column) uint8 data. */
    public static byte[] resize(byte[] src, int channels, int inH, int inW,
                                double scaleH, double scaleW, int outH, int outW) {
        if (src.length != channels * inH * inW) {
            throw new IllegalArgumentException("buffer of " + src.length + " bytes is not " + channels + "x" + inH + "x" + inW);
        }
        if (!(scaleH > 0) || !(scaleW > 0) || outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("scales and sizes must be positive");
        }
        Taps rows = Taps.of(inH, outH, scaleH);
        Taps cols = Taps.of(inW, outW, scaleW);
        if (scaleH <= scaleW) {
            byte[] mid = resizeRows(src, channels, inH, inW, rows, outH);
            return resizeCols(mid, channels, outH, inW, cols, outW);
        }
        byte[] mid = resizeCols(src, channels, inH, inW, cols, outW);
        return resizeRows(mid, channels, inH, outW, rows, outH);
    }

    /** MATLAB's output length for a dimension of {@code in} pixels resized by {@code scale}: {@code ceil(scale * in)}. */
    public static int outputSize(int in, double scale) {
        return (int) Math.ceil(scale * in);
    }

    private static byte[] resizeRows(byte[] src, int channels, int inH, int w, Taps taps, int outH) {
        byte[] dst = new byte[channels * outH * w];
        double[] acc = new double[w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < outH; y++) {
                Arrays.fill(acc, 0.0);
                for (int j = 0; j < taps.count; j++) {
                    double wt = taps.weights[y * taps.count + j];
                    int row = (c * inH + taps.indices[y * taps.count + j]) * w;
                    for (int x = 0; x < w; x++) {
                        acc[x] += wt * (src[row + x] & 0xFF);
                    }
                }
                int out = (c * outH + y) * w;
                for (int x = 0; x < w; x++) {
                    dst[out + x] = roundToByte(acc[x]);
                }
            }
        }
        return dst;
    }

    private static byte[] resizeCols(byte[] src, int channels, int h, int inW, Taps taps, int outW) {
        byte[] dst = new byte[channels * h * outW];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                int row = (c * h + y) * inW;
                int out = (c * h + y) * outW;
                for (int x = 0; x < outW; x++) {
                    double acc = 0;
                    for (int j = 0; j < taps.count; j++) {
                        acc += taps.weights[x * taps.count + j] * (src[row + taps.indices[x * taps.count + j]] & 0xFF);
                    }
                    dst[out + x] = roundToByte(acc);
                }
            }
        }
        return dst;
    }

    private static byte roundToByte(double v) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= 255 ? (byte) 255 : (byte) (int) Math.floor(v + 0.5);
    }

    private static double cubic(double x) {
        double ax = Math.abs(x);
        double ax2 = ax * ax;
        double ax3 = ax2 * ax;
        if (ax <= 1) {
            return 1.5 * ax3 - 2.5 * ax2 + 1;
        }
        if (ax <= 2) {
            return -0.5 * ax3 + 2.5 * ax2 - 4 * ax + 2;
        }
        return 0;
    }

    /** MATLAB's {@code contributions}: {@code count} taps per output (0-based mirrored indices, normalised weights). */
    private record Taps(int count, int[] indices, double[] weights) {

        static Taps of(int in, int out, double scale) {
            boolean antialias = scale < 1;
            double width = antialias ? KERNEL_WIDTH / scale : KERNEL_WIDTH;
            int count = (int) Math.ceil(width) + 2;
            int[] indices = new int[out * count];
            double[] weights = new double[out * count];
            for (int x = 1; x <= out; x++) {
                double u = x / scale + 0.5 * (1 - 1 / scale);
                double left = Math.floor(u - width / 2);
                double sum = 0;
                int base = (x - 1) * count;
                for (int j = 0; j < count; j++) {
                    double index = left + j;
                    double w = antialias ? scale * cubic(scale * (u - index)) : cubic(u - index);
                    weights[base + j] = w;
                    indices[base + j] = mirror((long) index, in);
                    sum += w;
                }
                for (int j = 0; j < count; j++) {
                    weights[base + j] /= sum;
                }
            }
            return new Taps(count, indices, weights);
        }

        /** 1-based MATLAB index mirrored into [1, n] ({@code [1:n, n:-1:1]} repeated), returned 0-based. */
        private static int mirror(long index, int n) {
            long period = 2L * n;
            long m = Math.floorMod(index - 1, period);
            return (int) (m < n ? m : period - 1 - m);
        }
    }
}
