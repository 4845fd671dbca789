package org.liifviewer.core.liif;

import org.liifviewer.core.progress.RenderMonitor;

/**
 * One decoder's part of projections that hold two decoders' vectors side by side: each pixel's vector starts
 * {@code shift} values into the shared vector. Computing, prefetching and windows are the shared projections'.
 */
final class PartProjections implements Projections {

    private final Projections shared;
    private final int shift;

    PartProjections(Projections shared, int shift) {
        this.shared = shared;
        this.shift = shift;
    }

    @Override
    public int height() {
        return shared.height();
    }

    @Override
    public int width() {
        return shared.width();
    }

    @Override
    public View view(int y0, int x0, int y1, int x1) {
        View view = shared.view(y0, x0, y1, x1);
        return new View() {
            @Override
            public float[] array(int y, int x) {
                return view.array(y, x);
            }

            @Override
            public int offset(int y, int x) {
                return view.offset(y, x) + shift;
            }
        };
    }

    @Override
    public void prefetch(int y0, int x0, int y1, int x1, RenderMonitor monitor) {
        shared.prefetch(y0, x0, y1, x1, monitor);
    }

    @Override
    public boolean prefetchIfRoom(int y0, int x0, int y1, int x1, RenderMonitor monitor) {
        return shared.prefetchIfRoom(y0, x0, y1, x1, monitor);
    }

    @Override
    public Projections window(int y0, int x0, int y1, int x1) {
        return new PartProjections(shared.window(y0, x0, y1, x1), shift);
    }
}
