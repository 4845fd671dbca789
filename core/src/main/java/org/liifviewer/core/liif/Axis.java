package org.liifviewer.core.liif;

/**
 * The sample positions along one image axis, in LIIF's normalised coordinates: the continuous image spans
 * [-1, 1] and each query carries the size of its output pixel (the cell), both in float32.
 */
public interface Axis {

    /** Number of samples. */
    int count();

    /** Normalised coordinate of sample {@code i}, in {@code 0 <= i < count()}. */
    float coord(int i);

    /** Size of one output pixel in normalised units (2 / output pixels across the whole image). */
    float cell();

    /**
     * The pixel centres of a regular grid of {@code n} pixels over the whole image, computed bit-exactly as
     * the official {@code make_coord} does in float32: {@code (float)(a * (float) i) + b} with
     * {@code a = (float) (2/n)} and {@code b = (float) (-1 + 1/n)}; restricted to the window
     * {@code [start, start + count)}.
     *
     * @param n     pixels across the whole output image
     * @param start first grid index of the window
     * @param count window length
     */
    static Axis grid(long n, long start, int count) {
        return new GridAxis(n, start, count);
    }

    /** The whole grid of {@code n} pixel centres. */
    static Axis grid(int n) {
        return new GridAxis(n, 0, n);
    }

    /**
     * Samples at the centres of {@code count} equal output pixels spanning {@code [from, from + length)}
     * input pixels of an image {@code inputSize} pixels long: any rectangle, any output size.
     */
    static Axis span(int inputSize, double from, double length, int count) {
        return new SpanAxis(inputSize, from, length, count);
    }
}
