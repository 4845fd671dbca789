package org.liifviewer.core.liif;

import org.liifviewer.core.progress.RenderMonitor;

/**
 * The first-layer projections {@code W1·z + b1} of every latent code of an image (one vector of the MLP's
 * first width per feature pixel), held whole or in tiles that are computed on demand.
 */
public interface Projections {

    /** Feature rows of the whole image. */
    int height();

    /** Feature columns of the whole image. */
    int width();

    /**
     * Makes the projections of feature rows {@code y0..y1} and columns {@code x0..x1} (inclusive) available,
     * computing missing tiles, and returns where each pixel's vector lies.
     */
    View view(int y0, int x0, int y1, int x1);

    /**
     * Computes ahead of time, as efficiently as possible, the projections of feature rows {@code y0..y1} and
     * columns {@code x0..x1} (inclusive, clipped to the map), e.g. a whole viewport before its tiles render.
     */
    default void prefetch(int y0, int x0, int y1, int x1, RenderMonitor monitor) {
    }

    /**
     * Like {@link #prefetch}, for work done while idle: computes the region only when what it adds keeps the
     * projections' cache within half its budget, so that it never pushes out what was rendered. Returns whether it
     * did (false also when nothing is cached, as for projections held whole).
     */
    default boolean prefetchIfRoom(int y0, int x0, int y1, int x1, RenderMonitor monitor) {
        return false;
    }

    /**
     * The projections of feature rows {@code y0..y1} and columns {@code x0..x1} only (inclusive), computed
     * right now from one crop and not cached: the quickest way to a first small render.
     */
    default Projections window(int y0, int x0, int y1, int x1) {
        return this;
    }

    /** Where the projection vector of a feature pixel is stored. */
    interface View {

        /** The array holding pixel (y, x). */
        float[] array(int y, int x);

        /** Index of the first element of pixel (y, x)'s vector in {@link #array}. */
        int offset(int y, int x);
    }

    /** Projections of a whole feature map held in one pixel-major array of {@code h * w * dim} values. */
    static Projections whole(float[] data, int h, int w, int dim) {
        return new WindowProjections(data, 0, 0, h - 1, w - 1, h, w, dim);
    }

    /**
     * Projections of the feature pixels {@code y0..y1 x x0..x1} (inclusive) of an {@code h x w} map, held in
     * one pixel-major array of the window; reading outside the window fails.
     */
    static Projections window(float[] data, int y0, int x0, int y1, int x1, int h, int w, int dim) {
        return new WindowProjections(data, y0, x0, y1, x1, h, w, dim);
    }
}
