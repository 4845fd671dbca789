package org.liifviewer.training.gradcheck;

import org.liifviewer.core.model.Tensor;

/**
 * Plain double-precision layers of a VGG-style network on planar (C, H, W) arrays: the yardstick that graph and ND4J
 * implementations of VGG features are checked against.
 */
public final class PlainConvolution {

    private PlainConvolution() {
    }

    /** A 3x3 convolution with zero padding 1 of {@code x} ({@code channels x h x w}), weight (out, in, 3, 3). */
    public static double[] conv3x3(double[] x, int channels, int h, int w, Tensor weight, float[] bias) {
        int out = (int) weight.dim(0);
        float[] k = weight.data();
        double[] y = new double[out * h * w];
        for (int o = 0; o < out; o++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    double s = bias[o];
                    for (int i = 0; i < channels; i++) {
                        for (int dy = 0; dy < 3; dy++) {
                            for (int dx = 0; dx < 3; dx++) {
                                int rr = r + dy - 1;
                                int cc = c + dx - 1;
                                if (rr >= 0 && rr < h && cc >= 0 && cc < w) {
                                    s += k[((o * channels + i) * 3 + dy) * 3 + dx] * x[(i * h + rr) * w + cc];
                                }
                            }
                        }
                    }
                    y[(o * h + r) * w + c] = s;
                }
            }
        }
        return y;
    }

    /** max(0, v) for every value, in place; returns {@code x}. */
    public static double[] relu(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0, x[i]);
        }
        return x;
    }

    /** 2x2 max pooling with stride 2 of {@code x} ({@code channels x h x w}, even sides). */
    public static double[] maxPool2(double[] x, int channels, int h, int w) {
        double[] pooled = new double[channels * (h / 2) * (w / 2)];
        for (int o = 0; o < channels; o++) {
            for (int r = 0; r < h / 2; r++) {
                for (int c = 0; c < w / 2; c++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int d = 0; d < 4; d++) {
                        m = Math.max(m, x[(o * h + 2 * r + d / 2) * w + 2 * c + d % 2]);
                    }
                    pooled[(o * (h / 2) + r) * (w / 2) + c] = m;
                }
            }
        }
        return pooled;
    }
}
