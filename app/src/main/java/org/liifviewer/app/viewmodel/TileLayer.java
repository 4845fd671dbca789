package org.liifviewer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.render.ContinuousImage;
import org.liifviewer.core.render.OutputTile;
import org.liifviewer.core.render.RenderJob;
import org.liifviewer.core.render.TileListener;
import org.liifviewer.core.render.TileScheduler;
import org.liifviewer.core.render.ViewportRequest;

/**
 * One continuous image (LIIF or bicubic) rendered for a viewport, tile by tile through core's
 * {@link TileScheduler}: tiles nearest the focus come first, a new request cancels stale work, and finished
 * tiles stay in a bounded {@link TileStore} so that panning at the same zoom only renders what is new. When a
 * render has finished, the image around it is encoded ahead ({@link TileScheduler#encodeAhead}) until the next
 * request.
 * All methods are called on the UI thread; tiles arrive there through {@code uiExecutor}.
 *
 * @param <T> the displayable tile type (converted on the worker thread)
 */
public final class TileLayer<T> {

    /** Side of the output tiles, in screen pixels (16,384 LIIF queries: the decoder's best batch). */
    public static final int TILE_SIZE = 128;

    /** What a render took, in seconds, counted from its request. */
    public record RenderTimes(double firstTileSeconds, double fullSeconds, int tiles) {
    }

    /** A tile to draw: its key and its pixels. */
    public record Drawable<T>(TileStore.Key key, int width, int height, T image) {
    }

    /** The tiles to draw for a viewport, bottom first; {@code opaque}: they hide the whole image part of the view. */
    public record Frame<T>(List<Drawable<T>> tiles, boolean opaque) {
    }

    private final TileScheduler scheduler;
    private final Executor uiExecutor;
    private final Function<FloatImage, T> converter;
    private final TileStore<Drawable<T>> store;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<RenderTimes> lastRender = new ReadOnlyObjectWrapper<>(this, "lastRender");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private ContinuousImage image;
    private RenderJob job;
    private ViewportRequest jobRequest;
    private int generation;
    private long[] shownGrid;

    public TileLayer(TileScheduler scheduler, Executor uiExecutor, Function<FloatImage, T> converter,
                     ToLongFunction<T> tileBytes, long budgetBytes) {
        this.scheduler = scheduler;
        this.uiExecutor = uiExecutor;
        this.converter = converter;
        this.store = new TileStore<>(budgetBytes, d -> tileBytes.applyAsLong(d.image()));
    }

    /** Replaces the rendered image (null: none); drops every tile. */
    public void setImage(ContinuousImage newImage) {
        cancel();
        store.clear();
        shownGrid = null;
        image = newImage;
        revision.set(revision.get() + 1);
    }

    public ContinuousImage image() {
        return image;
    }

    /**
     * Renders the tiles of {@code v}'s grid that are visible and not stored yet, nearest screen point
     * ({@code focusX}, {@code focusY}) first. A running render of the same tiles is left alone; any other is
     * cancelled.
     */
    public void request(Viewport v, double focusX, double focusY) {
        if (image == null) {
            return;
        }
        long gw = v.gridW();
        long gh = v.gridH();
        long[] cols = v.visibleColumns(gw);
        long[] rows = v.visibleRows(gh);
        if (cols[1] <= cols[0] || rows[1] <= rows[0]) {
            cancel();
            return;
        }
        double fx = (v.toImageX(focusX)) * gw / v.imageW();
        double fy = (v.toImageY(focusY)) * gh / v.imageH();
        ViewportRequest r = new ViewportRequest(gh, gw, cols[0], rows[0], (int) (cols[1] - cols[0]),
                (int) (rows[1] - rows[0]), fx, fy, TILE_SIZE);
        if (job != null && !job.isCancelled() && busy.get() && sameTiles(r, jobRequest)) {
            return;
        }
        cancel();
        if (allStored(r)) {
            return;
        }
        generation++;
        job = scheduler.submit(image, r, (x, y) -> !store.contains(new TileStore.Key(gw, gh, x, y)),
                new Listener(generation, image, gw, gh));
        jobRequest = r;
        busy.set(true);
    }

    /** Stops the running render after its current tile. */
    public void cancel() {
        if (job != null) {
            job.cancel();
            job = null;
            generation++;
            busy.set(false);
        }
    }

    /**
     * What to draw for {@code v}: the stored tiles of the grid shown last (rescaled: the previous zoom's frame)
     * unless {@code v}'s own grid is complete, then those of {@code v}'s grid on top. {@link Frame#opaque()}
     * tells whether either grid has every visible tile, so that nothing beneath the tiles shows.
     */
    public Frame<T> frame(Viewport v) {
        List<Drawable<T>> current = new ArrayList<>();
        long gw = v.gridW();
        long gh = v.gridH();
        if (collect(v, gw, gh, current)) {
            return new Frame<>(current, true);
        }
        if (shownGrid == null || shownGrid[0] == gw && shownGrid[1] == gh) {
            return new Frame<>(current, false);
        }
        List<Drawable<T>> out = new ArrayList<>();
        boolean previousComplete = collect(v, shownGrid[0], shownGrid[1], out);
        out.addAll(current);
        return new Frame<>(out, previousComplete);
    }

    /**
     * Adds the stored visible tiles of a grid to {@code out}; true when every visible tile is stored. A grid
     * much finer than the view (the x30 tiles seen near fit) has more visible tiles than the store holds: then
     * the store is scanned instead of the grid.
     */
    private boolean collect(Viewport v, long gw, long gh, List<Drawable<T>> out) {
        long[] cols = v.visibleColumns(gw);
        long[] rows = v.visibleRows(gh);
        long tx0 = cols[0] / TILE_SIZE * TILE_SIZE;
        long ty0 = rows[0] / TILE_SIZE * TILE_SIZE;
        long visible = ((cols[1] - tx0 + TILE_SIZE - 1) / TILE_SIZE) * ((rows[1] - ty0 + TILE_SIZE - 1) / TILE_SIZE);
        if (visible > store.size()) {
            for (Drawable<T> d : store.values()) {
                TileStore.Key k = d.key();
                if (k.gridW() == gw && k.gridH() == gh && k.x() + d.width() > cols[0] && k.x() < cols[1]
                        && k.y() + d.height() > rows[0] && k.y() < rows[1]) {
                    out.add(d);
                }
            }
            return false;
        }
        boolean complete = true;
        for (long ty = ty0; ty < rows[1]; ty += TILE_SIZE) {
            for (long tx = tx0; tx < cols[1]; tx += TILE_SIZE) {
                Drawable<T> d = store.get(new TileStore.Key(gw, gh, tx, ty));
                if (d != null) {
                    out.add(d);
                } else {
                    complete = false;
                }
            }
        }
        return complete && visible > 0;
    }

    private boolean allStored(ViewportRequest r) {
        for (long ty = r.y() / TILE_SIZE * TILE_SIZE; ty < r.y() + r.h(); ty += TILE_SIZE) {
            for (long tx = r.x() / TILE_SIZE * TILE_SIZE; tx < r.x() + r.w(); tx += TILE_SIZE) {
                if (!store.contains(new TileStore.Key(r.gridW(), r.gridH(), tx, ty))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameTiles(ViewportRequest a, ViewportRequest b) {
        return b != null && a.gridW() == b.gridW() && a.gridH() == b.gridH()
                && a.x() / TILE_SIZE == b.x() / TILE_SIZE && a.y() / TILE_SIZE == b.y() / TILE_SIZE
                && (a.x() + a.w() - 1) / TILE_SIZE == (b.x() + b.w() - 1) / TILE_SIZE
                && (a.y() + a.h() - 1) / TILE_SIZE == (b.y() + b.h() - 1) / TILE_SIZE;
    }

    /** Changes whenever the drawable tiles change. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Whether a render is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Timings of the last render that completed. */
    public ReadOnlyObjectProperty<RenderTimes> lastRenderProperty() {
        return lastRender.getReadOnlyProperty();
    }

    /** The error of the last render that failed, else null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Number of stored tiles. */
    public int storedTiles() {
        return store.size();
    }

    /** Converts finished tiles on the worker thread and hands them to the UI thread. */
    private final class Listener implements TileListener {
        private final long startNanos = System.nanoTime();
        private final int jobGeneration;
        private final ContinuousImage source;
        private final long gridW;
        private final long gridH;
        private volatile double firstTileSeconds = -1;
        private volatile int tiles;

        Listener(int jobGeneration, ContinuousImage source, long gridW, long gridH) {
            this.jobGeneration = jobGeneration;
            this.source = source;
            this.gridW = gridW;
            this.gridH = gridH;
        }

        @Override
        public void tileDone(OutputTile tile) {
            if (firstTileSeconds < 0) {
                firstTileSeconds = (System.nanoTime() - startNanos) / 1e9;
            }
            tiles++;
            FloatImage px = tile.pixels();
            Drawable<T> d = new Drawable<>(new TileStore.Key(gridW, gridH, tile.x(), tile.y()),
                    px.width(), px.height(), converter.apply(px));
            uiExecutor.execute(() -> {
                if (image == source) {     // a tile of a cancelled render is still a correct tile
                    store.put(d.key(), d);
                    shownGrid = new long[] {gridW, gridH};
                    revision.set(revision.get() + 1);
                }
            });
        }

        @Override
        public void finished(boolean cancelled, Throwable error) {
            double full = (System.nanoTime() - startNanos) / 1e9;
            int count = tiles;
            uiExecutor.execute(() -> {
                if (jobGeneration != generation) {
                    return;
                }
                failure.set(error);
                if (!cancelled && error == null && count > 0) {
                    lastRender.set(new RenderTimes(Math.max(0, firstTileSeconds), full, count));
                }
                busy.set(false);
                // the render thread is free: prepare the surroundings until the next request cancels it
                job = cancelled || error != null ? null : scheduler.encodeAhead(source, jobRequest);
            });
        }
    }
}
