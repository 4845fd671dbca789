package org.liifviewer.core.image;

/**
 * Float bicubic resampling for display and baselines: cubic convolution with a = -0.75 (PyTorch's
 * {@code F.interpolate(mode='bicubic', align_corners=False)} and OpenCV), border replicate, no
 * antialiasing and no clamping (results may overshoot [0, 1]; clamp when converting for display).
 * Separable, with the four taps of every output row and column precomputed.
 *
 * <p>Coordinates: source pixel i covers [i, i + 1), its centre is i + 0.5. Output pixel j of a region
 * of width {@code regionW} starting at {@code x0} samples the source at {@code x0 + (j + 0.5) * regionW / outW}.
 */
public final class Bicubic {

    /** Kernel parameter (PyTorch / OpenCV); Pillow and MATLAB use -0.5. */
    public static final double A = -0.75;

    private Bicubic() {
    }

    /** Whole-image resize; equals {@code F.interpolate(..., size=(outH, outW), mode='bicubic')}. */
    public static FloatImage resize(FloatImage src, int outH, int outW) {
        return renderRegion(src, 0, 0, src.width(), src.height(), outW, outH);
    }

    /**
     * Renders the continuous source rectangle {@code [x0, x0 + regionW) × [y0, y0 + regionH)} (in source
     * pixels, may extend outside the image) into an {@code outW × outH} image.
     */
    public static FloatImage renderRegion(FloatImage src, double x0, double y0, double regionW, double regionH,
                                          int outW, int outH) {
        if (!(regionW > 0) || !(regionH > 0) || outW <= 0 || outH <= 0) {
            throw new IllegalArgumentException("region and output size must be positive");
        }
        Taps cols = Taps.of(src.width(), x0, regionW, outW);
        Taps rows = Taps.of(src.height(), y0, regionH, outH);
        int firstRow = rows.minIndex();
        int rowCount = rows.maxIndex() - firstRow + 1;
        int inW = src.width();
        float[] in = src.data();
        float[] mid = new float[rowCount * outW];
        FloatImage out = FloatImage.zeros(src.channels(), outH, outW);
        float[] dst = out.data();
        for (int c = 0; c < src.channels(); c++) {
            for (int r = 0; r < rowCount; r++) {
                int row = (c * src.height() + firstRow + r) * inW;
                for (int x = 0; x < outW; x++) {
                    mid[r * outW + x] = cols.apply(in, row, 1, x);
                }
            }
            for (int y = 0; y < outH; y++) {
                int base = (c * outH + y) * outW;
                for (int x = 0; x < outW; x++) {
                    dst[base + x] = rows.apply(mid, x - firstRow * outW, outW, y);
                }
            }
        }
        return out;
    }

    /** Four clamped source indices and weights per output index. */
    private record Taps(int[] index, float[] weight, int minIndex, int maxIndex) {

        static Taps of(int n, double start, double length, int out) {
            int[] index = new int[4 * out];
            float[] weight = new float[4 * out];
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            double step = length / out;
            for (int i = 0; i < out; i++) {
                double p = start + (i + 0.5) * step - 0.5;
                double f = Math.floor(p);
                double t = p - f;
                weight[4 * i] = (float) far(t + 1);
                weight[4 * i + 1] = (float) near(t);
                weight[4 * i + 2] = (float) near(1 - t);
                weight[4 * i + 3] = (float) far(2 - t);
                for (int k = 0; k < 4; k++) {
                    int idx = (int) Math.max(0, Math.min(n - 1, f - 1 + k));
                    index[4 * i + k] = idx;
                    min = Math.min(min, idx);
                    max = Math.max(max, idx);
                }
            }
            return new Taps(index, weight, min, max);
        }

        /** Sum over the 4 taps of output {@code i}: {@code data[offset + index * stride] * weight}. */
        float apply(float[] data, int offset, int stride, int i) {
            int k = 4 * i;
            return data[offset + index[k] * stride] * weight[k]
                    + data[offset + index[k + 1] * stride] * weight[k + 1]
                    + data[offset + index[k + 2] * stride] * weight[k + 2]
                    + data[offset + index[k + 3] * stride] * weight[k + 3];
        }

        /** Kernel for |x| ≤ 1. */
        private static double near(double x) {
            return ((A + 2) * x - (A + 3)) * x * x + 1;
        }

        /** Kernel for 1 &lt; |x| &lt; 2. */
        private static double far(double x) {
            return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
        }
    }
}
