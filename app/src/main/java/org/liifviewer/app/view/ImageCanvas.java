package org.liifviewer.app.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.liifviewer.app.viewmodel.Document;
import org.liifviewer.app.viewmodel.Mipmaps;
import org.liifviewer.app.viewmodel.TileLayer;
import org.liifviewer.app.viewmodel.TileStore;
import org.liifviewer.app.viewmodel.ViewerViewModel;
import org.liifviewer.app.viewmodel.Viewport;

/**
 * Draws the viewport of the open image: the mipmap level that suits the zoom at once, then the stored tiles of
 * one layer (or two, split by a draggable divider in swipe mode) on top. Wheel, pinch and drag go to the
 * view-model. Redraws are coalesced to at most one per pulse; tiles arriving for an unchanged view are drawn
 * on their own, not with a redraw of the whole view.
 */
public final class ImageCanvas extends Region {

    /** One labelled layer drawn by the canvas. */
    public record Side(java.util.function.Supplier<String> label, TileLayer<Image> layer) {
    }

    /** Zoom factor per pixel of wheel delta (a 40-pixel notch zooms by about 17%). */
    private static final double WHEEL_ZOOM_PER_PIXEL = 1.004;
    private static final double DIVIDER_GRAB_PIXELS = 8;
    /**
     * During a gesture, images magnified this much or more are drawn without smoothing: in software rendering
     * bilinear filtering of the full view doubles the cost of a frame, and at 2+ screen pixels per image pixel
     * nearest sampling does not shimmer. Once the gesture settles the view is redrawn smoothed.
     */
    private static final double ROUGH_WHILE_MOVING_SCALE = 2;

    private final ViewerViewModel<Image> vm;
    private final List<Side> sides;
    private final Canvas canvas = new Canvas();
    private final RedrawScheduler redraws;
    /** What the last full draw showed (viewport, document, divider, gesture, size) and the tiles drawn since, per side. */
    private List<Object> drawnState = List.of();
    private final List<Set<TileStore.Key>> drawnTiles = new ArrayList<>();
    private double lastX;
    private double lastY;
    private boolean draggingDivider;

    /** A canvas showing {@code sides}: one side, or two split at the view-model's swipe divider. */
    public ImageCanvas(ViewerViewModel<Image> vm, List<Side> sides) {
        this.vm = vm;
        this.sides = List.copyOf(sides);
        this.redraws = new RedrawScheduler(this::draw);
        for (int i = 0; i < sides.size(); i++) {
            drawnTiles.add(new HashSet<>());
        }
        getStyleClass().add("image-canvas");
        getChildren().add(canvas);
        setMinSize(0, 0);
        vm.viewport().viewportProperty().addListener((o, a, b) -> redraws.request());
        vm.swipeDividerProperty().addListener((o, a, b) -> redraws.request());
        vm.viewport().movingProperty().addListener((o, a, b) -> redraws.request());
        for (Side s : sides) {
            s.layer().revisionProperty().addListener((o, a, b) -> redraws.request());
        }
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                redraws.stop();
            } else {
                redraws.start();
                redraws.request();
            }
        });
        setOnScroll(this::onScroll);
        setOnZoom(this::onZoom);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(e -> draggingDivider = false);
        setOnMouseMoved(e -> {
            vm.pointerMoved(e.getX(), e.getY());
            setCursor(nearDivider(e.getX()) ? javafx.scene.Cursor.H_RESIZE : javafx.scene.Cursor.DEFAULT);
        });
        setOnMouseExited(e -> vm.pointerExited());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            vm.viewport().setViewSize(w, h);
            redraws.request();
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0 && e.getTouchCount() == 0) {
            vm.viewport().zoomBy(Math.pow(WHEEL_ZOOM_PER_PIXEL, e.getDeltaY()), e.getX(), e.getY());
        } else if (e.getTouchCount() > 0) {
            vm.viewport().panBy(e.getDeltaX(), e.getDeltaY());        // two-finger trackpad scroll pans
        }
        e.consume();
    }

    private void onZoom(ZoomEvent e) {
        vm.viewport().zoomBy(e.getZoomFactor(), e.getX(), e.getY());
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        lastX = e.getX();
        lastY = e.getY();
        draggingDivider = e.getButton() == MouseButton.PRIMARY && nearDivider(e.getX());
        requestFocus();
    }

    private void onDragged(MouseEvent e) {
        if (draggingDivider) {
            vm.swipeDividerProperty().set(Math.max(0, Math.min(1, e.getX() / getWidth())));
        } else {
            vm.viewport().panBy(e.getX() - lastX, e.getY() - lastY);
        }
        lastX = e.getX();
        lastY = e.getY();
        vm.pointerMoved(e.getX(), e.getY());
    }

    private boolean nearDivider(double x) {
        return sides.size() == 2 && Math.abs(x - dividerX()) <= DIVIDER_GRAB_PIXELS;
    }

    private double dividerX() {
        return vm.swipeDividerProperty().get() * getWidth();
    }

    private void draw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Viewport v = vm.viewport().viewportProperty().get();
        Document<Image> doc = vm.content().documentProperty().get();
        List<Object> state = Arrays.asList(v, doc, vm.swipeDividerProperty().get(), vm.viewport().movingProperty().get(), w, h);
        if (state.equals(drawnState) && drawNewTiles(gc, v, h)) {
            return;
        }
        drawnState = state;
        drawnTiles.forEach(Set::clear);
        gc.setFill(Color.web("#2b2b2b"));
        gc.fillRect(0, 0, w, h);
        if (v == null || doc == null) {
            return;
        }
        for (int i = 0; i < sides.size(); i++) {
            double x0 = sideX0(i);
            double x1 = sideX1(i);
            if (x1 <= x0) {
                continue;
            }
            clip(gc, x0, x1, h);
            TileLayer.Frame<Image> tiles = v.zoom() >= 1 ? sides.get(i).layer().frame(v) : null;
            if (tiles == null || !tiles.opaque()) {
                drawBase(gc, v, doc);                 // hidden under complete tiles: skipped (a full-view draw)
            }
            if (tiles != null) {
                drawTiles(gc, v, tiles.tiles(), drawnTiles.get(i));
            }
            gc.restore();
        }
        drawDecorations(gc, h);
    }

    /**
     * When only tiles were added since the last draw, all of the view's own grid (they belong on top) and clear
     * of the labels and divider (translucent: they cannot be drawn twice), draws just those, not the whole view
     * again; false when a full redraw is needed.
     */
    private boolean drawNewTiles(GraphicsContext gc, Viewport v, double h) {
        if (v == null || v.zoom() < 1) {
            return true;                                  // no tiles shown
        }
        List<List<TileLayer.Drawable<Image>>> added = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            List<TileLayer.Drawable<Image>> fresh = new ArrayList<>();
            for (TileLayer.Drawable<Image> d : sides.get(i).layer().frame(v).tiles()) {
                if (!drawnTiles.get(i).contains(d.key())) {
                    if (d.key().gridW() != v.gridW() || d.key().gridH() != v.gridH() || underDecoration(v, d, h)) {
                        return false;
                    }
                    fresh.add(d);
                }
            }
            added.add(fresh);
        }
        for (int i = 0; i < sides.size(); i++) {
            if (!added.get(i).isEmpty() && sideX1(i) > sideX0(i)) {
                clip(gc, sideX0(i), sideX1(i), h);
                drawTiles(gc, v, added.get(i), drawnTiles.get(i));
                gc.restore();
            }
        }
        return true;
    }

    private boolean underDecoration(Viewport v, TileLayer.Drawable<Image> d, double h) {
        double[] r = screenRect(v, d);
        for (int i = 0; i < sides.size(); i++) {
            String label = sides.get(i).label().get();
            if (label != null && overlaps(r, sideX0(i) + 8, 8, labelWidth(label), 22)) {
                return true;
            }
        }
        return sides.size() == 2 && overlaps(r, dividerX() - 8, 0, 16, h);
    }

    private static boolean overlaps(double[] r, double x, double y, double w, double h) {
        return r[0] < x + w && r[2] > x && r[1] < y + h && r[3] > y;
    }

    /** Screen rectangle (x0, y0, x1, y1) of a tile, edges rounded from grid positions. */
    private static double[] screenRect(Viewport v, TileLayer.Drawable<Image> d) {
        var k = d.key();
        return new double[] {
            Math.round(v.gridToScreenX(k.x(), k.gridW())), Math.round(v.gridToScreenY(k.y(), k.gridH())),
            Math.round(v.gridToScreenX(k.x() + d.width(), k.gridW())),
            Math.round(v.gridToScreenY(k.y() + d.height(), k.gridH()))};
    }

    private double sideX0(int i) {
        return i == 0 ? 0 : dividerX();
    }

    private double sideX1(int i) {
        return i == 0 && sides.size() == 2 ? dividerX() : canvas.getWidth();
    }

    private static void clip(GraphicsContext gc, double x0, double x1, double h) {
        gc.save();
        gc.beginPath();
        gc.rect(x0, 0, x1 - x0, h);
        gc.clip();
    }

    /** Side labels and, in swipe mode, the divider: on top of everything. */
    private void drawDecorations(GraphicsContext gc, double h) {
        for (int i = 0; i < sides.size(); i++) {
            if (sideX1(i) > sideX0(i)) {
                drawLabel(gc, sides.get(i).label().get(), sideX0(i) + 8);
            }
        }
        if (sides.size() == 2) {
            double split = dividerX();
            gc.setStroke(Color.WHITE);
            gc.setLineWidth(2);
            gc.strokeLine(split, 0, split, h);
            gc.setFill(Color.WHITE);
            gc.fillOval(split - 7, h / 2 - 7, 14, 14);
        }
    }

    /** Whether to smooth an image drawn {@code scale} screen pixels per image pixel. */
    private boolean smooth(double scale) {
        return scale < ROUGH_WHILE_MOVING_SCALE || !vm.viewport().movingProperty().get();
    }

    /** The mipmap level suited to the zoom, only its visible part: instant, and smoothed (see {@link #smooth}). */
    private void drawBase(GraphicsContext gc, Viewport v, Document<Image> doc) {
        Image level = doc.levels().get(Mipmaps.levelFor(v.zoom(), doc.levels().size()));
        double s = level.getWidth() / v.imageW();
        double ix0 = Math.max(0, Math.floor(v.toImageX(0)));
        double iy0 = Math.max(0, Math.floor(v.toImageY(0)));
        double ix1 = Math.min(v.imageW(), Math.ceil(v.toImageX(v.viewW())));
        double iy1 = Math.min(v.imageH(), Math.ceil(v.toImageY(v.viewH())));
        if (ix1 <= ix0 || iy1 <= iy0) {
            return;
        }
        gc.setImageSmoothing(smooth(v.zoom() / s));
        gc.drawImage(level, ix0 * s, iy0 * s, Math.min(level.getWidth(), (ix1 - ix0) * s),
                Math.min(level.getHeight(), (iy1 - iy0) * s),
                v.toScreenX(ix0), v.toScreenY(iy0), (ix1 - ix0) * v.zoom(), (iy1 - iy0) * v.zoom());
    }

    /**
     * Stored tiles, edges rounded to screen pixels from grid positions, so neighbours join without gaps; their
     * keys are added to {@code drawn}.
     */
    private void drawTiles(GraphicsContext gc, Viewport v, List<TileLayer.Drawable<Image>> tiles, Set<TileStore.Key> drawn) {
        for (TileLayer.Drawable<Image> d : tiles) {
            drawn.add(d.key());
            double[] r = screenRect(v, d);
            gc.setImageSmoothing(d.key().gridW() != v.gridW() && smooth((double) v.gridW() / d.key().gridW()));
            gc.drawImage(d.image(), r[0], r[1], r[2] - r[0], r[3] - r[1]);
        }
    }

    private static double labelWidth(String label) {
        return label.length() * 8 + 12;
    }

    private static void drawLabel(GraphicsContext gc, String label, double x) {
        if (label == null) {
            return;
        }
        gc.setFont(Font.font(13));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        double width = labelWidth(label);
        gc.setFill(Color.rgb(0, 0, 0, 0.6));
        gc.fillRoundRect(x, 8, width, 22, 6, 6);
        gc.setFill(Color.WHITE);
        gc.fillText(label, x + 6, 11);
    }
}
