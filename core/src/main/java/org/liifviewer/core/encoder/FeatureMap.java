package org.liifviewer.core.encoder;

/**
 * An encoder output: {@code channels} planes of {@code height x width} feature pixels, planar (C, H, W).
 * Each feature pixel carries one latent code of the continuous image.
 *
 * @param channels feature channels
 * @param height   feature rows (= input rows: the encoders do not up-sample)
 * @param width    feature columns
 * @param data     the values, {@code data[(c * height + y) * width + x]}
 */
public record FeatureMap(int channels, int height, int width, float[] data) {

    public FeatureMap {
        if ((long) channels * height * width != data.length) {
            throw new IllegalArgumentException("feature map " + channels + "x" + height + "x" + width
                    + " needs " + ((long) channels * height * width) + " values, got " + data.length);
        }
    }

    /** Value at channel {@code c}, row {@code y}, column {@code x}; zero outside the map (the unfold padding). */
    public float at(int c, int y, int x) {
        if (y < 0 || y >= height || x < 0 || x >= width) {
            return 0f;
        }
        return data[(c * height + y) * width + x];
    }

    /**
     * Writes the latent code of feature pixel (y, x) into {@code out} at {@code offset}: with unfolding the
     * 3x3 neighbourhood in the official channel-major order (c * 9 + ky * 3 + kx, zero padded), otherwise
     * the C channels.
     */
    public void latentCode(int y, int x, boolean unfold, float[] out, int offset) {
        if (!unfold) {
            for (int c = 0; c < channels; c++) {
                out[offset + c] = data[(c * height + y) * width + x];
            }
            return;
        }
        int o = offset;
        for (int c = 0; c < channels; c++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    out[o++] = at(c, y + dy, x + dx);
                }
            }
        }
    }
}
