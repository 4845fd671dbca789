package org.liifviewer.core.liif;

import org.liifviewer.core.progress.RenderMonitor;

/**
 * Prepared features of a {@link ProjectingDecoder}: the projections of an image's latent codes, with what every such
 * decoder does alike: which feature pixels a grid of queries reads, prefetching them, a stand-alone window for one
 * quick render, and the projections a chunk of queries reads.
 */
abstract class ProjectedFeatures implements QueryDecoder.PreparedFeatures {

    final Projections proj;
    final int h;
    final int w;

    ProjectedFeatures(Projections proj) {
        this.proj = proj;
        this.h = proj.height();
        this.w = proj.width();
    }

    /** The same decoding over other projections (a window of these). */
    abstract QueryDecoder.PreparedFeatures over(Projections window);

    @Override
    public void prefetch(Axis rows, Axis cols, RenderMonitor monitor) {
        int[] b = bounds(rows, cols, h, w);
        proj.prefetch(b[0], b[1], b[2], b[3], monitor);
    }

    @Override
    public boolean prefetchIfRoom(Axis rows, Axis cols, RenderMonitor monitor) {
        int[] b = bounds(rows, cols, h, w);
        return proj.prefetchIfRoom(b[0], b[1], b[2], b[3], monitor);
    }

    @Override
    public QueryDecoder.PreparedFeatures alone(Axis rows, Axis cols) {
        int[] b = bounds(rows, cols, h, w);
        return over(proj.window(b[0], b[1], b[2], b[3]));
    }

    /**
     * Feature pixels (y0, x0, y1, x1) of an {@code h x w} map that the grid's queries may read, ensemble neighbours
     * included.
     */
    static int[] bounds(Axis rows, Axis cols, int h, int w) {
        return new int[] {
            clippedIndex(rows.coord(0), h, -1), clippedIndex(cols.coord(0), w, -1),
            clippedIndex(rows.coord(rows.count() - 1), h, 1), clippedIndex(cols.coord(cols.count() - 1), w, 1)};
    }

    /** The projections covering every feature pixel the first {@code n} queries of {@code geo} read, and their box. */
    FirstLayer.ChunkWindow windowOf(EnsembleGeometry geo, int n) {
        int y0 = Integer.MAX_VALUE;
        int x0 = Integer.MAX_VALUE;
        int y1 = -1;
        int x1 = -1;
        for (int k = 0; k < geo.members(); k++) {
            for (int q = 0; q < n; q++) {
                int i = geo.index[k * geo.capacity() + q];
                int iy = i / w;
                int ix = i - iy * w;
                y0 = Math.min(y0, iy);
                y1 = Math.max(y1, iy);
                x0 = Math.min(x0, ix);
                x1 = Math.max(x1, ix);
            }
        }
        return new FirstLayer.ChunkWindow(proj.view(y0, x0, y1, x1), y0, x0, y1, x1);
    }

    /**
     * The feature pixel {@code offset} pixels from the one whose centre is nearest the normalised coordinate
     * {@code c}, on an axis of {@code n}, clipped to the axis.
     */
    static int clippedIndex(float c, int n, int offset) {
        long i = (long) Math.floor((c + 1.0) * n / 2) + offset;
        return (int) Math.max(0, Math.min(n - 1, i));
    }
}
