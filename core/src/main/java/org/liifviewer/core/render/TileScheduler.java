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
 * and a cancelled job stops after the tile (or encoder layer) in progress. Between renders, {@link #encodeAhead}
 * prepares the image around the last viewport.
 */
public final class TileScheduler {

    /** Width, in input pixels, of each ring that {@link #encodeAhead} adds around the viewport. */
    public static final int AHEAD_RING_PIXELS = 128;

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
        RenderMonitor monitor = monitorOf(job);
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

    /**
     * Work for an idle render thread: prepares (encodes) the image around a rendered viewport, in rings of
     * {@link #AHEAD_RING_PIXELS} input pixels of growing distance, so that panning and zooming out find their
     * features ready. It stops when the image is covered, when the image's cache would pass half its budget, or
     * when cancelled (cancel it before the next render, which would otherwise wait for the ring in progress).
     */
    public RenderJob encodeAhead(ContinuousImage image, ViewportRequest r) {
        RenderJob job = new RenderJob();
        RenderMonitor monitor = monitorOf(job);
        job.attach(executor.submit(() -> {
            long stepY = Math.max(1, (long) Math.ceil((double) AHEAD_RING_PIXELS * r.gridH() / image.height()));
            long stepX = Math.max(1, (long) Math.ceil((double) AHEAD_RING_PIXELS * r.gridW() / image.width()));
            long y0 = r.y();
            long x0 = r.x();
            long y1 = r.y() + r.h();
            long x1 = r.x() + r.w();
            try {
                while (y0 > 0 || x0 > 0 || y1 < r.gridH() || x1 < r.gridW()) {
                    long ny0 = Math.max(0, y0 - stepY);
                    long nx0 = Math.max(0, x0 - stepX);
                    long ny1 = Math.min(r.gridH(), y1 + stepY);
                    long nx1 = Math.min(r.gridW(), x1 + stepX);
                    boolean room = ahead(image, r, ny0, y0, nx0, nx1, monitor)       // the ring's four sides
                            && ahead(image, r, y1, ny1, nx0, nx1, monitor)
                            && ahead(image, r, y0, y1, nx0, x0, monitor)
                            && ahead(image, r, y0, y1, x1, nx1, monitor);
                    if (!room) {
                        return;
                    }
                    y0 = ny0;
                    x0 = nx0;
                    y1 = ny1;
                    x1 = nx1;
                }
            } catch (CancellationException e) {
                // a render needs the thread
            }
        }));
        return job;
    }

    /** Prefetches grid rows {@code y0..y1-1} x columns {@code x0..x1-1} if there is room; true if empty or done. */
    private static boolean ahead(ContinuousImage image, ViewportRequest r, long y0, long y1, long x0, long x1,
                                 RenderMonitor monitor) {
        if (y1 <= y0 || x1 <= x0) {
            return true;
        }
        monitor.checkCancelled();
        return image.prefetchIfRoom(Axis.grid(r.gridH(), y0, (int) (y1 - y0)), Axis.grid(r.gridW(), x0, (int) (x1 - x0)),
                monitor);
    }

    private static RenderMonitor monitorOf(RenderJob job) {
        return new RenderMonitor() {
            @Override
            public boolean isCancelled() {
                return job.isCancelled() || Thread.currentThread().isInterrupted();
            }
        };
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
