package org.liifviewer.app.viewmodel;

import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Zoom and pan: the viewport over the open image and the requests for its tiles. A change shows at once (the view
 * redraws what it has, rescaled); once the gesture has paused for {@link #SETTLE_MILLIS} the visible tiles are
 * requested from the layers the compare mode shows, nearest the focus (the pointer, else the centre) first.
 * Used on the UI thread only.
 */
public final class ViewportController {

    /** Pause after the last zoom or pan step before LIIF rendering starts. */
    public static final long SETTLE_MILLIS = 120;

    private static final double KEY_ZOOM_STEP = 1.25;

    private final TileLayer<?> liif;
    private final TileLayer<?> bicubic;
    private final ObjectProperty<CompareMode> compareMode;
    private final Debouncer settle;
    private final ReadOnlyObjectWrapper<Viewport> viewport = new ReadOnlyObjectWrapper<>(this, "viewport");
    private final ReadOnlyBooleanWrapper moving = new ReadOnlyBooleanWrapper(this, "moving");
    private double viewW = 800;
    private double viewH = 600;
    private int imageW;
    private int imageH;
    private boolean fitted;
    private double focusX = Double.NaN;
    private double focusY = Double.NaN;

    ViewportController(TileLayer<?> liif, TileLayer<?> bicubic, ObjectProperty<CompareMode> compareMode,
                       ScheduledExecutorService timer, Executor uiExecutor) {
        this.liif = liif;
        this.bicubic = bicubic;
        this.compareMode = compareMode;
        this.settle = new Debouncer(timer, uiExecutor, SETTLE_MILLIS, () -> {
            moving.set(false);
            requestVisible();
        });
    }

    /** A new image of {@code width} x {@code height} pixels: fits it in the view and requests its tiles. */
    void showImage(int width, int height) {
        imageW = width;
        imageH = height;
        viewport.set(Viewport.fit(width, height, viewW, viewH));
        fitted = true;
        requestVisible();
    }

    /** The size of one image view (half the area in side-by-side mode). */
    public void setViewSize(double w, double h) {
        if (w <= 0 || h <= 0 || w == viewW && h == viewH) {
            return;
        }
        viewW = w;
        viewH = h;
        Viewport v = viewport.get();
        if (fitted) {
            fit();
        } else if (v != null) {
            change(v.resized(w, h));
        }
    }

    /** Multiplies the zoom by {@code factor}, keeping the image point under screen point ({@code x}, {@code y}) in place. */
    public void zoomBy(double factor, double x, double y) {
        Viewport v = viewport.get();
        if (v != null) {
            focusOn(x, y);
            change(v.zoomedAt(v.zoom() * factor, x, y));
        }
    }

    /** Sets the zoom (1 = 100%) about the view's centre. */
    public void setZoom(double zoom) {
        Viewport v = viewport.get();
        if (v != null) {
            change(v.zoomedAtCentre(zoom));
        }
    }

    /** Sets the zoom from text such as {@code "400%"} or {@code "x4"}; false (nothing changes) when it names none. */
    public boolean setZoomText(String text) {
        OptionalDouble zoom = ZoomText.parse(text);
        zoom.ifPresent(this::setZoom);
        return zoom.isPresent();
    }

    /** Zoom in one step about the centre (the + key). */
    public void zoomIn() {
        zoomBy(KEY_ZOOM_STEP, viewW / 2, viewH / 2);
    }

    /** Zoom out one step about the centre (the − key). */
    public void zoomOut() {
        zoomBy(1 / KEY_ZOOM_STEP, viewW / 2, viewH / 2);
    }

    /** Fits the whole image in the view (the 0 key). */
    public void fit() {
        if (viewport.get() != null) {
            change(Viewport.fit(imageW, imageH, viewW, viewH));
            fitted = true;
        }
    }

    /** One input pixel per screen pixel (the 1 key). */
    public void actualSize() {
        setZoom(1);
    }

    /** Moves the view by a drag of ({@code dx}, {@code dy}) screen pixels. */
    public void panBy(double dx, double dy) {
        Viewport v = viewport.get();
        if (v != null) {
            change(v.pannedBy(dx, dy));
        }
    }

    /** An arrow key: moves the view a tenth of its size in direction ({@code sx}, {@code sy}), each -1, 0 or 1. */
    public void step(int sx, int sy) {
        panBy(-sx * viewW / 10, -sy * viewH / 10);
    }

    /** Centres the view on image point ({@code ix}, {@code iy}) (a click in the navigator). */
    public void centreOn(double ix, double iy) {
        Viewport v = viewport.get();
        if (v != null) {
            change(v.centredOn(ix, iy));
        }
    }

    /** Renders nearest screen point ({@code x}, {@code y}) first (where the pointer is). */
    void focusOn(double x, double y) {
        focusX = x;
        focusY = y;
    }

    /** Renders nearest the centre first again. */
    void clearFocus() {
        focusX = Double.NaN;
        focusY = Double.NaN;
    }

    private void change(Viewport next) {
        fitted = false;
        Viewport old = viewport.get();
        viewport.set(next);
        moving.set(true);
        if (old == null || old.gridW() != next.gridW() || old.gridH() != next.gridH()) {
            liif.cancel();
            bicubic.cancel();
        }
        settle.trigger();
    }

    /** Requests the visible tiles of the layers the current mode shows; below 100% the mipmaps suffice. */
    public void requestVisible() {
        Viewport v = viewport.get();
        if (v == null) {
            return;
        }
        if (v.zoom() < 1) {
            liif.cancel();
            bicubic.cancel();
            return;
        }
        double fx = Double.isNaN(focusX) ? v.viewW() / 2 : focusX;
        double fy = Double.isNaN(focusY) ? v.viewH() / 2 : focusY;
        boolean comparing = compareMode.get() != CompareMode.SINGLE;
        if (comparing || liif.image() == null) {
            bicubic.request(v, fx, fy);
        } else {
            bicubic.cancel();
        }
        liif.request(v, fx, fy);
    }

    public ReadOnlyObjectProperty<Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    /** Whether a zoom or pan gesture is under way: the viewport changed less than {@link #SETTLE_MILLIS} ago. */
    public ReadOnlyBooleanProperty movingProperty() {
        return moving.getReadOnlyProperty();
    }
}
