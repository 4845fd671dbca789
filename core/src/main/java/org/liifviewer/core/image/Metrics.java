package org.liifviewer.core.image;

/**
 * Image quality metrics of the SR literature, computed in double. Images are RGB (3 channels) or
 * gray (1 channel, treated exactly like the gray value copied into R, G and B).
 */
public final class Metrics {

    /** {@code calc_psnr}'s luma weights of the difference, /256 (the +16 offset cancels). */
    private static final double[] PSNR_Y = {65.738 / 256, 129.057 / 256, 25.064 / 256};
    /** MATLAB {@code rgb2ycbcr} on [0, 1] input: Y = 16 + sum(weight * channel), on the 0-255 scale. */
    private static final double[] SSIM_Y = {65.481, 128.553, 24.966};
    private static final int SSIM_WINDOW = 11;
    private static final double SSIM_SIGMA = 1.5;
    private static final double SSIM_C1 = Math.pow(0.01 * 255, 2);
    private static final double SSIM_C2 = Math.pow(0.03 * 255, 2);

    private Metrics() {
    }

    /**
     * PSNR as LIIF's {@code calc_psnr} with rgb_range 1: {@code -10 log10(mean(diff²))} over the shaved
     * region, diff = sr - gt per channel, or reduced to luma when {@code protocol.yChannel()}.
     * Identical images give +Infinity.
     */
    public static double psnr(FloatImage sr, FloatImage gt, PsnrProtocol protocol) {
        checkPair(sr, gt);
        int s = protocol.shave();
        int h = sr.height() - 2 * s;
        int w = sr.width() - 2 * s;
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("shave " + s + " leaves nothing of " + sr.width() + "x" + sr.height());
        }
        double sum = 0;
        long count = 0;
        for (int y = s; y < s + h; y++) {
            for (int x = s; x < s + w; x++) {
                if (protocol.yChannel()) {
                    double d = 0;
                    for (int c = 0; c < 3; c++) {
                        d += (value(sr, c, y, x) - value(gt, c, y, x)) * PSNR_Y[c];
                    }
                    sum += d * d;
                    count++;
                } else {
                    for (int c = 0; c < sr.channels(); c++) {
                        double d = value(sr, c, y, x) - value(gt, c, y, x);
                        sum += d * d;
                    }
                    count += sr.channels();
                }
            }
        }
        return -10 * Math.log10(sum / count);
    }

    /**
     * SSIM (Wang et al. 2004) on the luma Y = 16 + 65.481 R + 128.553 G + 24.966 B (values on the
     * 0-255 scale, MATLAB {@code rgb2ycbcr}), after shaving {@code shave} pixels per border: 11×11
     * Gaussian window σ = 1.5 over the valid region only, C1 = (0.01·255)², C2 = (0.03·255)², mean of
     * the SSIM map. The inputs are not quantised (a float SR image is used as it is).
     */
    public static double ssim(FloatImage sr, FloatImage gt, int shave) {
        checkPair(sr, gt);
        int h = sr.height() - 2 * shave;
        int w = sr.width() - 2 * shave;
        if (shave < 0 || h < SSIM_WINDOW || w < SSIM_WINDOW) {
            throw new IllegalArgumentException("SSIM needs at least " + SSIM_WINDOW + "x" + SSIM_WINDOW
                    + " pixels after shaving " + shave + " from " + sr.width() + "x" + sr.height());
        }
        double[] a = luma(sr, shave, h, w);
        double[] b = luma(gt, shave, h, w);
        double[] ab = new double[a.length];
        double[] aa = new double[a.length];
        double[] bb = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ab[i] = a[i] * b[i];
            aa[i] = a[i] * a[i];
            bb[i] = b[i] * b[i];
        }
        double[] g = gaussianWindow();
        double[] muA = filterValid(a, h, w, g);
        double[] muB = filterValid(b, h, w, g);
        double[] eAA = filterValid(aa, h, w, g);
        double[] eBB = filterValid(bb, h, w, g);
        double[] eAB = filterValid(ab, h, w, g);
        double total = 0;
        for (int i = 0; i < muA.length; i++) {
            double varA = eAA[i] - muA[i] * muA[i];
            double varB = eBB[i] - muB[i] * muB[i];
            double cov = eAB[i] - muA[i] * muB[i];
            total += (2 * muA[i] * muB[i] + SSIM_C1) * (2 * cov + SSIM_C2)
                    / ((muA[i] * muA[i] + muB[i] * muB[i] + SSIM_C1) * (varA + varB + SSIM_C2));
        }
        return total / muA.length;
    }

    private static void checkPair(FloatImage sr, FloatImage gt) {
        if (sr.channels() != gt.channels() || sr.height() != gt.height() || sr.width() != gt.width()) {
            throw new IllegalArgumentException("image sizes differ: " + sr.channels() + "x" + sr.height() + "x" + sr.width()
                    + " vs " + gt.channels() + "x" + gt.height() + "x" + gt.width());
        }
        if (sr.channels() != 1 && sr.channels() != 3) {
            throw new IllegalArgumentException("expected 1 or 3 channels, got " + sr.channels());
        }
    }

    /** Channel {@code c} of an RGB image, or the gray value for every c of a 1-channel image. */
    private static double value(FloatImage img, int c, int y, int x) {
        return img.get(img.channels() == 1 ? 0 : c, y, x);
    }

    /** The luma of the {@code h x w} region at ({@code shave}, {@code shave}), on the 0-255 scale (MATLAB {@code rgb2ycbcr}). */
    static double[] luma(FloatImage img, int shave, int h, int w) {
        double[] y = new double[h * w];
        for (int r = 0; r < h; r++) {
            for (int x = 0; x < w; x++) {
                double v = 16;
                for (int c = 0; c < 3; c++) {
                    v += SSIM_Y[c] * value(img, c, r + shave, x + shave);
                }
                y[r * w + x] = v;
            }
        }
        return y;
    }

    private static double[] gaussianWindow() {
        double[] g = new double[SSIM_WINDOW];
        double sum = 0;
        for (int i = 0; i < SSIM_WINDOW; i++) {
            double d = i - SSIM_WINDOW / 2;
            g[i] = Math.exp(-d * d / (2 * SSIM_SIGMA * SSIM_SIGMA));
            sum += g[i];
        }
        for (int i = 0; i < SSIM_WINDOW; i++) {
            g[i] /= sum;
        }
        return g;
    }

    /** Separable 2-D filtering with the window {@code g}, keeping only the fully covered ("valid") outputs. */
    private static double[] filterValid(double[] img, int h, int w, double[] g) {
        int k = g.length;
        int outH = h - k + 1;
        int outW = w - k + 1;
        double[] rows = new double[h * outW];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < outW; x++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += g[j] * img[y * w + x + j];
                }
                rows[y * outW + x] = s;
            }
        }
        double[] out = new double[outH * outW];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += g[j] * rows[(y + j) * outW + x];
                }
                out[y * outW + x] = s;
            }
        }
        return out;
    }
}
