package org.liifviewer.training.data;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.util.Arrays;

/**
 * How often each training image appears in an epoch. The official configs train on DIV2K, whose images are all
 * about 2 megapixels, so drawing every image equally often ({@link #IMAGE}) also draws every pixel about equally
 * often. Mixed folders are not like that: with 91 small T91 images next to a few 2K images, {@code IMAGE} spends a
 * third of the samples on a tenth of the pixels and hardly visits the large images. {@link #AREA} restores the
 * equal use of pixels.
 */
public enum Sampling {

    /** Every image {@code repeat} times per epoch (the official sampler). */
    @JsonProperty("image")
    IMAGE,

    /**
     * Every image in proportion to its pixel count: {@code repeat x max(1, round(pixels / unit))} times, where the
     * unit is the smallest image's pixel count (raised so that an epoch holds at most about a million entries).
     */
    @JsonProperty("area")
    AREA;

    private static final double MAX_EPOCH_UNITS = 1_000_000;

    /** The number of times each image of {@code images} appears in one epoch. */
    public int[] copies(ImageFolders images, int repeat) throws IOException {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
        }
        int[] copies = new int[images.size()];
        if (this == IMAGE) {
            Arrays.fill(copies, repeat);
            return copies;
        }
        long[] pixels = new long[images.size()];
        long smallest = Long.MAX_VALUE;
        double total = 0;
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = images.pixelCount(i);
            smallest = Math.min(smallest, pixels[i]);
            total += pixels[i];
        }
        double unit = Math.max(smallest, total / MAX_EPOCH_UNITS);
        for (int i = 0; i < copies.length; i++) {
            copies[i] = Math.multiplyExact(repeat, (int) Math.max(1, Math.round(pixels[i] / unit)));
        }
        return copies;
    }
}
