package org.liifviewer.core.image;

import java.util.Arrays;

/**
 * Bit-exact Pillow 9.4 {@code Image.resize(size, BICUBIC)} on 8-bit planes: LIIF's {@code resize_fn}
 * degradation. Keys kernel a = -0.5 widened by the downscale factor (antialiasing), weights normalised
 * in double and converted to 22-bit fixed point, horizontal pass into an 8-bit intermediate, then
 * vertical; a pass whose side keeps its size is skipped.
 *
 * <p>An instance holds the precomputed taps for one size pair and is immutable and thread-safe;
 * keep one per size pair when resizing many images of the same size.
 */
public final class PillowBicubic {

    private static final int PRECISION_BITS = 22;
    private static final double SUPPORT = 2.0;
    private static final double A = -0.5;

    private final int inH;
    private final int inW;
    private final int outH;
    private final int outW;
    private final FixedPointTaps horizontal;
    private final FixedPointTaps vertical;

    public PillowBicubic(int inH, int inW, int outH, int outW) {
        if (inH <= 0 || inW <= 0 || outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + inW + "x" + inH + " -> " + outW + "x" + outH);
        }
        this.inH = inH;
        this.inW = inW;
        this.outH = outH;
        this.outW = outW;
        this.horizontal = inW == outW ? null : FixedPointTaps.of(inW, outW);
        this.vertical = inH == outH ? null : FixedPointTaps.of(inH, outH);
    }

    /**
     * {@code resize_fn}: quantises {@code img} to uint8 by truncation ({@code (int) (v * 255f)}, exact
     * for k/255 inputs, clamped to [0, 255]), resizes, and returns values k/255f.
     */
    public static FloatImage resize(FloatImage img, int outH, int outW) {
        PillowBicubic resizer = new PillowBicubic(img.height(), img.width(), outH, outW);
        int n = img.data().length;
        byte[] u8 = new byte[n];
        for (int i = 0; i < n; i++) {
            float v = img.data()[i] * 255f;
            u8[i] = (byte) (v >= 255f ? 255 : v > 0f ? (int) v : 0);
        }
        byte[] out = resizer.resize(u8, img.channels());
        float[] f = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            f[i] = (out[i] & 0xFF) / 255f;
        }
        return new FloatImage(img.channels(), outH, outW, f);
    }

    /** Resizes planar (channel, row, column) 8-bit data of this instance's input size. */
    public byte[] resize(byte[] src, int channels) {
        byte[] dst = new byte[channels * outH * outW];
        resize(src, channels, dst);
        return dst;
    }

    /** Resizes planar 8-bit data into {@code dst} (length channels × outH × outW). */
    public void resize(byte[] src, int channels, byte[] dst) {
        if (src.length != channels * inH * inW || dst.length != channels * outH * outW) {
            throw new IllegalArgumentException("buffer sizes do not match " + channels + "x" + inH + "x" + inW
                    + " -> " + channels + "x" + outH + "x" + outW);
        }
        int firstRow = vertical == null ? 0 : vertical.first(0);
        int lastRow = vertical == null ? inH : vertical.first(outH - 1) + vertical.count(outH - 1);
        int rows = lastRow - firstRow;
        byte[] mid = horizontal == null ? null : new byte[rows * outW];
        int[] acc = vertical == null ? null : new int[outW];
        for (int c = 0; c < channels; c++) {
            byte[] rowsSrc = src;
            int rowsOffset = (c * inH + firstRow) * inW;
            if (horizontal != null) {
                for (int y = 0; y < rows; y++) {
                    horizontalRow(src, rowsOffset + y * inW, mid, y * outW);
                }
                rowsSrc = mid;
                rowsOffset = 0;
            }
            int dstOffset = c * outH * outW;
            if (vertical != null) {
                verticalPass(rowsSrc, rowsOffset, firstRow, dst, dstOffset, acc);
            } else {
                System.arraycopy(rowsSrc, rowsOffset, dst, dstOffset, outH * outW);
            }
        }
    }

    private void horizontalRow(byte[] src, int srcOffset, byte[] dst, int dstOffset) {
        FixedPointTaps t = horizontal;
        for (int x = 0; x < outW; x++) {
            int from = srcOffset + t.first(x);
            int k = x * t.stride;
            int sum = 1 << (PRECISION_BITS - 1);
            for (int j = 0, n = t.count(x); j < n; j++) {
                sum += (src[from + j] & 0xFF) * t.weights[k + j];
            }
            dst[dstOffset + x] = clip8(sum);
        }
    }

    /** Rows of {@code src} start at source row {@code firstRow}; width is outW. */
    private void verticalPass(byte[] src, int srcOffset, int firstRow, byte[] dst, int dstOffset, int[] acc) {
        FixedPointTaps t = vertical;
        for (int y = 0; y < outH; y++) {
            Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
            int k = y * t.stride;
            int row0 = srcOffset + (t.first(y) - firstRow) * outW;
            for (int j = 0, n = t.count(y); j < n; j++) {
                int w = t.weights[k + j];
                int row = row0 + j * outW;
                for (int x = 0; x < outW; x++) {
                    acc[x] += (src[row + x] & 0xFF) * w;
                }
            }
            for (int x = 0; x < outW; x++) {
                dst[dstOffset + y * outW + x] = clip8(acc[x]);
            }
        }
    }

    private static byte clip8(int v) {
        if (v >= 1 << (PRECISION_BITS + 8)) {
            return (byte) 255;
        }
        return v <= 0 ? 0 : (byte) (v >> PRECISION_BITS);
    }

    private static double keys(double x) {
        x = Math.abs(x);
        if (x < 1.0) {
            return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0.0;
    }

    /** Per output index: first source index, tap count and 22-bit fixed-point weights (row stride {@code stride}). */
    private record FixedPointTaps(int[] bounds, int[] weights, int stride) {

        int first(int i) {
            return bounds[2 * i];
        }

        int count(int i) {
            return bounds[2 * i + 1];
        }

        static FixedPointTaps of(int in, int out) {
            double scale = (double) in / out;
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            double invFilterScale = 1.0 / filterScale;
            int stride = (int) Math.ceil(support) * 2 + 1;
            int[] bounds = new int[2 * out];
            int[] weights = new int[out * stride];
            double[] w = new double[stride];
            for (int i = 0; i < out; i++) {
                double center = (i + 0.5) * scale;
                int xmin = Math.max((int) (center - support + 0.5), 0);
                int xmax = Math.min((int) (center + support + 0.5), in) - xmin;
                double total = 0;
                for (int j = 0; j < xmax; j++) {
                    w[j] = keys((j + xmin - center + 0.5) * invFilterScale);
                    total += w[j];
                }
                for (int j = 0; j < xmax; j++) {
                    double normalised = total != 0.0 ? w[j] / total : w[j];
                    double scaled = normalised * (1 << PRECISION_BITS);
                    weights[i * stride + j] = (int) (normalised < 0 ? scaled - 0.5 : scaled + 0.5);
                }
                bounds[2 * i] = xmin;
                bounds[2 * i + 1] = xmax;
            }
            return new FixedPointTaps(bounds, weights, stride);
        }
    }
}
