package org.liifviewer.core.image;

/**
 * How much fine detail an image holds: the mean Sobel gradient magnitude of its luma (MATLAB {@code rgb2ycbcr}'s Y,
 * 0-255 scale) over the region left after shaving a border, the 3x3 kernels applied where they fit. An upscaler that
 * predicts the mean of all plausible details (L1 training) gives a smaller value than the ground truth; the
 * {@link #ratio} of the two is LIIF-GAN's measure of restored texture.
 */
public final class SobelGradient {

    private SobelGradient() {
    }

    /** The mean gradient magnitude of {@code img} (1 or 3 channels) after shaving {@code shave} pixels per border. */
    public static double mean(FloatImage img, int shave) {
        int h = img.height() - 2 * shave;
        int w = img.width() - 2 * shave;
        if (shave < 0 || h < 3 || w < 3) {
            throw new IllegalArgumentException("the Sobel gradient needs at least 3x3 pixels after shaving " + shave
                    + " from " + img.width() + "x" + img.height());
        }
        double[] y = Metrics.luma(img, shave, h, w);
        double total = 0;
        for (int r = 1; r < h - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                int i = r * w + c;
                double gx = y[i - w + 1] + 2 * y[i + 1] + y[i + w + 1] - y[i - w - 1] - 2 * y[i - 1] - y[i + w - 1];
                double gy = y[i + w - 1] + 2 * y[i + w] + y[i + w + 1] - y[i - w - 1] - 2 * y[i - w] - y[i - w + 1];
                total += Math.sqrt(gx * gx + gy * gy);
            }
        }
        return total / ((double) (h - 2) * (w - 2));
    }

    /** {@code mean(output) / mean(groundTruth)} over the same shaved region: 1 when as detailed as the truth. */
    public static double ratio(FloatImage output, FloatImage groundTruth, int shave) {
        return mean(output, shave) / mean(groundTruth, shave);
    }
}
