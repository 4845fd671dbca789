package org.liifviewer.core.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import org.liifviewer.core.liif.Axis;

/**
 * Renders viewports tile by tile on an executor: tiles are ordered by distance from the focus point, each
 * finished tile is reported at once, and a cancelled job stops after the tile in progress.
 */
public final class TileScheduler {

    private final ExecutorService executor;

    public TileScheduler(ExecutorService executor) {
        this.executor = executor;
    }

    /** Starts rendering {@code request} of {@code image}; results go to {@code listener}. */
    public RenderJob submit(ContinuousImage image, ViewportRequest request, TileListener listener) {
        RenderJob job = new RenderJob();
        List<long[]> tiles = order(request);
        RenderMonitor monitor = new RenderMonitor() {
            @Override
            public boolean isCancelled() {
                return job.isCancelled() || Thread.currentThread().isInterrupted();
            }
        };
        job.attach(executor.submit(() -> {
            try {
                for (long[] t : tiles) {
                    monitor.checkCancelled();
                    int tw = (int) t[2];
                    int th = (int) t[3];
                    var pixels = image.render(Axis.grid(request.gridH(), t[1], th),
                            Axis.grid(request.gridW(), t[0], tw), monitor);
                    monitor.checkCancelled();
                    listener.tileDone(new OutputTile(t[0], t[1], pixels));
                }
                listener.finished(false, null);
            } catch (CancellationException e) {
                listener.finished(true, null);
            } catch (RuntimeException | Error e) {
                listener.finished(false, e);
            }
        }));
        return job;
    }

    /** The tiles (x, y, w, h in grid pixels) covering the viewport, nearest the focus first. */
    static List<long[]> order(ViewportRequest r) {
        int s = r.tileSize();
        long gx0 = Math.floorDiv(r.x(), s) * s;          // tiles aligned to the grid, so they can be reused
        long gy0 = Math.floorDiv(r.y(), s) * s;
        List<long[]> tiles = new ArrayList<>();
        for (long ty = gy0; ty < r.y() + r.h(); ty += s) {
            for (long tx = gx0; tx < r.x() + r.w(); tx += s) {
                tiles.add(new long[] {tx, ty, Math.min(s, r.gridW() - tx), Math.min(s, r.gridH() - ty)});
            }
        }
        tiles.sort(Comparator.comparingDouble(t -> {
            double cx = t[0] + t[2] / 2.0 - r.focusX();
            double cy = t[1] + t[3] / 2.0 - r.focusY();
            return cx * cx + cy * cy;
        }));
        return tiles;
    }
}
