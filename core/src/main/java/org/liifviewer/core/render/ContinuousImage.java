package org.liifviewer.core.render;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Axis;
import org.liifviewer.core.progress.RenderMonitor;

/**
 * An image as a continuous function: it can be sampled on any grid of output pixels, each pixel decoded
 * with its own cell size. Coordinates are LIIF's normalised ones (the image spans [-1, 1] on both axes).
 */
public interface ContinuousImage {

    /** Height of the source image in pixels. */
    int height();

    /** Width of the source image in pixels. */
    int width();

    /**
     * Renders the grid spanned by {@code rows x cols} as an RGB image with values in [0, 1].
     *
     * @throws java.util.concurrent.CancellationException when the monitor cancels
     */
    FloatImage render(Axis rows, Axis cols, RenderMonitor monitor);

    /**
     * Prepares ahead of time what rendering the grid {@code rows x cols} needs (e.g. encodes features),
     * stopping early when the monitor cancels.
     */
    default void prefetch(Axis rows, Axis cols, RenderMonitor monitor) {
    }

    /**
     * Prefetches for the grid {@code rows x cols} as idle work: only while the image's cache keeps room for what
     * renders need (it never evicts rendered work). Returns whether it did; false when there is nothing to prepare.
     */
    default boolean prefetchIfRoom(Axis rows, Axis cols, RenderMonitor monitor) {
        return false;
    }

    /**
     * Like {@link #render(Axis, Axis, RenderMonitor)}, computing only what this grid needs right now and
     * caching nothing: the lowest latency for one small first tile.
     */
    default FloatImage renderAlone(Axis rows, Axis cols, RenderMonitor monitor) {
        return render(rows, cols, monitor);
    }

    /** The whole image at {@code outH x outW} pixels (the official demo's query grid and cell). */
    default FloatImage render(int outH, int outW, RenderMonitor monitor) {
        return render(Axis.grid(outH), Axis.grid(outW), monitor);
    }

    /**
     * The rectangle starting at input pixel ({@code x}, {@code y}) of size {@code w x h} input pixels, at
     * {@code outW x outH} output pixels: any region, any (non-integer, anisotropic) scale.
     */
    default FloatImage renderRegion(double x, double y, double w, double h, int outW, int outH, RenderMonitor monitor) {
        return render(Axis.span(height(), y, h, outH), Axis.span(width(), x, w, outW), monitor);
    }
}
