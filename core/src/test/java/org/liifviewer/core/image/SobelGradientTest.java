package org.liifviewer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The mean Sobel magnitude of the luma on images whose gradient is known, and the ratio of a blurred copy. */
class SobelGradientTest {

    @Test
    void aGrayRampHasTheSobelResponseOfItsSlopeEverywhere() {
        int h = 9;
        int w = 12;
        float[] data = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    data[(c * h + y) * w + x] = x / 100f;
                }
            }
        }
        FloatImage ramp = new FloatImage(3, h, w, data);
        double lumaSlope = (65.481 + 128.553 + 24.966) / 100;        // Y per column, 0-255 scale
        assertEquals(8 * lumaSlope, SobelGradient.mean(ramp, 0), 1e-4);
        assertEquals(8 * lumaSlope, SobelGradient.mean(ramp, 2), 1e-4);
        assertEquals(0.0, SobelGradient.mean(new FloatImage(3, h, w, new float[3 * h * w]), 1), 0.0);
    }

    @Test
    void aBlurredCopyHasARatioBelowOneAndTheImageItselfOne() {
        int h = 20;
        int w = 20;
        float[] noise = new float[3 * h * w];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextDouble();
        }
        FloatImage sharp = new FloatImage(3, h, w, noise);
        float[] blurred = noise.clone();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 1; x < w - 1; x++) {
                    int i = (c * h + y) * w + x;
                    blurred[i] = (noise[i - 1] + noise[i] + noise[i + 1]) / 3;
                }
            }
        }
        assertEquals(1.0, SobelGradient.ratio(sharp, sharp, 1), 1e-12);
        double ratio = SobelGradient.ratio(new FloatImage(3, h, w, blurred), sharp, 1);
        assertTrue(ratio > 0.2 && ratio < 0.9, "ratio " + ratio);
    }
}
