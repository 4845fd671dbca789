package org.liifviewer.app.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.liifviewer.app.viewmodel.Document;
import org.liifviewer.app.viewmodel.ViewerViewModel;
import org.liifviewer.app.viewmodel.Viewport;

/** A thumbnail of the whole image with the visible part outlined; click or drag to move the view there. */
public final class Navigator extends Canvas {

    private static final double SIZE = 180;
    private final ViewerViewModel<Image> vm;

    public Navigator(ViewerViewModel<Image> vm) {
        super(SIZE, SIZE);
        this.vm = vm;
        getStyleClass().add("navigator");
        vm.viewport().viewportProperty().addListener((o, a, b) -> draw());
        vm.content().documentProperty().addListener((o, a, b) -> draw());
        setOnMousePressed(this::moveTo);
        setOnMouseDragged(this::moveTo);
    }

    private double scale(Document<Image> doc) {
        return Math.min(SIZE / doc.width(), SIZE / doc.height());
    }

    private void moveTo(MouseEvent e) {
        Document<Image> doc = vm.content().documentProperty().get();
        if (doc != null) {
            double s = scale(doc);
            vm.viewport().centreOn(e.getX() / s, e.getY() / s);
        }
        e.consume();
    }

    private void draw() {
        GraphicsContext gc = getGraphicsContext2D();
        gc.clearRect(0, 0, SIZE, SIZE);
        Document<Image> doc = vm.content().documentProperty().get();
        Viewport v = vm.viewport().viewportProperty().get();
        if (doc == null || v == null) {
            return;
        }
        double s = scale(doc);
        Image thumb = doc.levels().get(doc.levels().size() - 1);
        for (Image level : doc.levels()) {          // the smallest level still at least as large as the thumbnail
            if (level.getWidth() >= doc.width() * s) {
                thumb = level;
            }
        }
        setWidth(doc.width() * s);
        setHeight(doc.height() * s);
        gc.setImageSmoothing(true);
        gc.drawImage(thumb, 0, 0, doc.width() * s, doc.height() * s);
        gc.setStroke(Color.web("#ff5a36"));
        gc.setLineWidth(2);
        double x0 = Math.max(0, v.toImageX(0) * s);
        double y0 = Math.max(0, v.toImageY(0) * s);
        double x1 = Math.min(doc.width() * s, v.toImageX(v.viewW()) * s);
        double y1 = Math.min(doc.height() * s, v.toImageY(v.viewH()) * s);
        gc.strokeRect(x0, y0, Math.max(2, x1 - x0), Math.max(2, y1 - y0));
    }
}
