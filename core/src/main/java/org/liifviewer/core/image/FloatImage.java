package org.liifviewer.core.image;

/**
 * A planar float image: {@code data[(c * height + y) * width + x]}, values nominally in [0, 1].
 * The network works on 3-channel RGB; alpha and grayscale planes use the same type with 1 channel.
 *
 * @param channels number of planes
 * @param height   rows
 * @param width    columns
 * @param data     {@code channels * height * width} values, channel-major (C, H, W)
 */
public record FloatImage(int channels, int height, int width, float[] data) {

    public FloatImage {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width != data.length) {
            throw new IllegalArgumentException("image " + channels + "x" + height + "x" + width
                    + " needs " + ((long) channels * height * width) + " values, got " + data.length);
        }
    }

    /** A zero-filled image; fails clearly when the size cannot be held in one array. */
    public static FloatImage zeros(int channels, int height, int width) {
        long n = (long) channels * height * width;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image " + width + "x" + height + "x" + channels + " is too large for one buffer");
        }
        return new FloatImage(channels, height, width, new float[(int) n]);
    }

    /** Value of channel {@code c} at row {@code y}, column {@code x}. */
    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    public void set(int c, int y, int x, float v) {
        data[(c * height + y) * width + x] = v;
    }

    /** Number of pixels per plane. */
    public int planeSize() {
        return height * width;
    }

    /** A copy of the rectangle starting at (y0, x0) with size h x w; the rectangle must lie inside. */
    public FloatImage crop(int y0, int x0, int h, int w) {
        if (y0 < 0 || x0 < 0 || h <= 0 || w <= 0 || y0 + h > height || x0 + w > width) {
            throw new IllegalArgumentException("crop " + w + "x" + h + "+" + x0 + "+" + y0
                    + " outside image " + width + "x" + height);
        }
        FloatImage out = zeros(channels, h, w);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(data, (c * height + y0 + y) * width + x0, out.data, (c * h + y) * w, w);
            }
        }
        return out;
    }
}
