package org.liifviewer.training.data;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.MatlabImresize;
import org.liifviewer.core.image.SampleLevels;

/**
 * An 8-bit RGB training image kept as its levels (planar channel, row, column; 3 bytes per pixel, a quarter of a
 * {@link FloatImage}). Crops come back as float images with values {@code k/255f}, exactly the values a decoded
 * 8-bit file has, so a sampler reads the same numbers as from the decoded image.
 */
public final class TrainingImage {

    private final int height;
    private final int width;
    private final byte[] levels;

    private TrainingImage(int height, int width, byte[] levels) {
        this.height = height;
        this.width = width;
        this.levels = levels;
    }

    /**
     * The levels of a 3-channel image whose values are all {@code k/255f}.
     *
     * @throws IllegalArgumentException for another channel count, or a value that no 8-bit level gives
     */
    public static TrainingImage of(FloatImage rgb) {
        if (rgb.channels() != 3) {
            throw new IllegalArgumentException("a training image has 3 channels, got " + rgb.channels());
        }
        float[] values = rgb.data();
        byte[] levels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int k = SampleLevels.of(values[i], 255);
            if (k / 255f != values[i]) {
                throw new IllegalArgumentException("value " + values[i] + " is not an 8-bit level k/255");
            }
            levels[i] = (byte) k;
        }
        return new TrainingImage(rgb.height(), rgb.width(), levels);
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public long pixelCount() {
        return (long) height * width;
    }

    /** This image resized by {@code factor} with MATLAB's bicubic {@code imresize} (output {@code ceil(factor·size)}). */
    public TrainingImage resized(double factor) {
        int outH = MatlabImresize.outputSize(height, factor);
        int outW = MatlabImresize.outputSize(width, factor);
        return new TrainingImage(outH, outW, MatlabImresize.resize(levels, 3, height, width, factor, factor, outH, outW));
    }

    /** The rectangle starting at (y0, x0) with size h x w as floats {@code k/255f}; it must lie inside. */
    public FloatImage crop(int y0, int x0, int h, int w) {
        if (y0 < 0 || x0 < 0 || h <= 0 || w <= 0 || y0 + h > height || x0 + w > width) {
            throw new IllegalArgumentException("crop " + w + "x" + h + "+" + x0 + "+" + y0
                    + " outside image " + width + "x" + height);
        }
        float[] out = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                int from = (c * height + y0 + y) * width + x0;
                int to = (c * h + y) * w;
                for (int x = 0; x < w; x++) {
                    out[to + x] = (levels[from + x] & 0xFF) / 255f;
                }
            }
        }
        return new FloatImage(3, h, w, out);
    }

    /** The whole image as floats {@code k/255f}. */
    public FloatImage toFloat() {
        return crop(0, 0, height, width);
    }
}
