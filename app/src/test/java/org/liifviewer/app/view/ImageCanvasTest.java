package org.liifviewer.app.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.liifviewer.app.viewmodel.CompareMode;
import org.liifviewer.app.viewmodel.ViewerViewModel;
import org.testfx.api.FxRobot;

/** Tiles drawn one by one as they arrive give the same picture as a full redraw. */
class ImageCanvasTest extends ViewerFixture {

    @Test
    void tilesDrawnAsTheyArriveMatchAFullRedraw(FxRobot robot) throws Exception {
        ViewerViewModel<?> vm = viewer.viewModel();
        viewer.start(SAMPLE, model()).get(60, TimeUnit.SECONDS);
        waitFor("image opened", () -> vm.viewport().viewportProperty().get() != null);
        for (CompareMode mode : new CompareMode[] {CompareMode.SINGLE, CompareMode.SWIPE}) {
            fx(() -> {
                vm.compareModeProperty().set(mode);
                vm.viewport().setZoom(4);
                return null;
            });
            Node view = robot.lookup(mode == CompareMode.SINGLE ? "#singleView" : "#swipeView").query();
            int[] incremental = settledPixels(vm, view);
            fx(() -> {
                vm.viewport().panBy(0, 0);                        // the same view, drawn whole once the gesture settles
                return null;
            });
            int[] full = settledPixels(vm, view);
            assertArrayEquals(full, incremental, mode + ": incremental tiles differ from a full redraw");
        }
    }

    /** The view's pixels once no render is running and the gesture has settled. */
    private static int[] settledPixels(ViewerViewModel<?> vm, Node view) throws Exception {
        waitFor("render done", () -> !vm.viewport().movingProperty().get()
                && !vm.liifLayer().busyProperty().get() && !vm.bicubicLayer().busyProperty().get());
        Thread.sleep(200);                             // a few pulses: the last tiles drawn
        return fx(() -> {
            WritableImage img = view.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] px = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
            return px;
        });
    }
}
