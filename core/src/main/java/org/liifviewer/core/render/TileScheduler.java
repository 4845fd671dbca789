package org.liifviewer.core.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import org.liifviewer.core.liif.Axis;
import org.liifviewer.core.progress.RenderMonitor;

/**
 * Renders viewports tile by tile on an executor: tiles are ordered by distance from the focus point, the first
 * is rendered alone (lowest latency), the rest are prefetched together, each finished tile is reported at once,
 * and a cancelled job stops after the tile (or encoder layer) in progress.
 */
public final class TileScheduler {

    private final ExecutorService executor;

    public TileScheduler(ExecutorService executor) {
        this.executor = executor;
    }

    /** Starts rendering every tile of {@code request} of {@code image}; results go to {@code listener}. */
    public RenderJob submit(ContinuousImage image, ViewportRequest request, TileListener listener) {
        return submit(image, request, TileFilter.ALL, listener);
    }

    /**
     * Starts rendering the tiles of {@code request} that {@code filter} wants (asked on the rendering thread
     * when the job starts); results go to {@code listener}.
     */
    public RenderJob submit(ContinuousImage image, ViewportRequest request, TileFilter filter, TileListener listener) {
        RenderJob job = new RenderJob();
        List<long[]> ordered = order(request);
        RenderMonitor monitor = new RenderMonitor() {
            @Override
            public boolean isCancelled() {
                return job.isCancelled() || Thread.currentThread().isInterrupted();
            }
        };
        job.attach(executor.submit(() -> {
            try {
                List<long[]> tiles = ordered.stream().filter(t -> filter.wanted(t[0], t[1])).toList();
                boolean first = true;
                for (long[] t : tiles) {
                    monitor.checkCancelled();
                    Axis rows = Axis.grid(request.gridH(), t[1], (int) t[3]);
                    Axis cols = Axis.grid(request.gridW(), t[0], (int) t[2]);
                    var pixels = first ? image.renderAlone(rows, cols, monitor) : image.render(rows, cols, monitor);
                    monitor.checkCancelled();
                    listener.tileDone(new OutputTile(t[0], t[1], pixels));
                    if (first && tiles.size() > 1) {
                        prefetchAll(image, request, tiles.subList(1, tiles.size()), monitor);  // few encoder passes
                    }
                    first = false;
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

    private static void prefetchAll(ContinuousImage image, ViewportRequest r, List<long[]> tiles, RenderMonitor monitor) {
        long x0 = Long.MAX_VALUE;
        long y0 = Long.MAX_VALUE;
        long x1 = 0;
        long y1 = 0;
        for (long[] t : tiles) {
            x0 = Math.min(x0, t[0]);
            y0 = Math.min(y0, t[1]);
            x1 = Math.max(x1, t[0] + t[2]);
            y1 = Math.max(y1, t[1] + t[3]);
        }
        image.prefetch(Axis.grid(r.gridH(), y0, (int) (y1 - y0)), Axis.grid(r.gridW(), x0, (int) (x1 - x0)), monitor);
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
