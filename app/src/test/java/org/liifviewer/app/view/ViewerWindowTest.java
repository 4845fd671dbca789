package org.liifviewer.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.app.log.LogFile;
import org.liifviewer.app.viewmodel.CompareMode;
import org.liifviewer.app.viewmodel.ViewerViewModel;
import org.liifviewer.app.viewmodel.Viewport;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.render.ShippedModels;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real viewer window (headless on Monocle): open, wheel zoom, pan, compare modes, export. */
class ViewerWindowTest extends ViewerFixture {

    @TempDir
    Path dir;
    private ViewerViewModel<Image> vm;

    @BeforeEach
    void keepViewModel() {
        vm = viewer.viewModel();
    }

    @Test
    void openZoomAtCursorPanAndCompare(FxRobot robot) throws Exception {
        viewer.start(SAMPLE, model()).get(60, TimeUnit.SECONDS);
        waitFor("image opened and fitted", () -> vm.viewport().viewportProperty().get() != null);
        Viewport fit = fx(() -> vm.viewport().viewportProperty().get());
        assertEquals(Math.min(fit.viewW() / 451, fit.viewH() / 300), fit.zoom(), 1e-9, "fit to window (451x300 sample)");

        Node canvas = robot.lookup("#singleView").query();
        robot.moveTo(canvas);
        for (int i = 0; i < 6; i++) {
            robot.type(javafx.scene.input.KeyCode.PLUS);    // + zooms about the centre; the wheel does the rest
        }
        Viewport start = fx(() -> vm.viewport().viewportProperty().get());
        assertEquals(fit.zoom() * Math.pow(1.25, 6), start.zoom(), 1e-6);
        Point2D near = fx(() -> canvas.localToScreen(      // a point just off the image centre, on the canvas
                start.toScreenX(start.imageW() / 2 - 7.5), start.toScreenY(start.imageH() / 2 - 17.5)));
        Point2D cursor = new Point2D(Math.round(near.getX()), Math.round(near.getY()));   // the pointer is on whole pixels
        robot.moveTo(cursor);
        double[] before = fx(() -> {
            Point2D local = canvas.screenToLocal(cursor);
            Viewport v = vm.viewport().viewportProperty().get();
            return new double[] {v.toImageX(local.getX()), v.toImageY(local.getY())};
        });
        for (int i = 0; i < 200 && fx(() -> vm.viewport().viewportProperty().get().zoom()) < 30; i++) {
            robot.scroll(10, VerticalDirection.DOWN);   // TestFX's DOWN is a positive wheel delta: zoom in
        }
        Viewport zoomed = fx(() -> vm.viewport().viewportProperty().get());
        assertTrue(zoomed.zoom() >= 30, "wheel zoom reached x30: " + zoomed.zoom());
        Point2D local = fx(() -> canvas.screenToLocal(cursor));
        assertEquals(before[0], zoomed.toImageX(local.getX()), 1e-6, "image point under the cursor stays put (x)");
        assertEquals(before[1], zoomed.toImageY(local.getY()), 1e-6, "image point under the cursor stays put (y)");
        if (model() != null) {
            waitFor("LIIF tiles rendered at x30", () -> !vm.liifLayer().busyProperty().get()
                    && vm.liifLayer().frame(vm.viewport().viewportProperty().get()).tiles().size() > 0);
        }

        robot.drag(MouseButton.PRIMARY).dropBy(-120, -60);
        Viewport panned = fx(() -> vm.viewport().viewportProperty().get());
        assertEquals(zoomed.originX() + 120 / zoomed.zoom(), panned.originX(), 2 / zoomed.zoom(), "drag pans");
        assertEquals(zoomed.originY() + 60 / zoomed.zoom(), panned.originY(), 2 / zoomed.zoom(), "drag pans");

        robot.clickOn("#mode-side_by_side");
        assertEquals(CompareMode.SIDE_BY_SIDE, fx(() -> vm.compareModeProperty().get()));
        assertTrue(fx(() -> robot.lookup("#compareLeft").query().isVisible() && robot.lookup("#compareRight").query().getScene() != null));
        waitFor("bicubic tiles for the left side", () -> vm.bicubicLayer().storedTiles() > 0);
        robot.clickOn("#mode-swipe");
        assertEquals(CompareMode.SWIPE, fx(() -> vm.compareModeProperty().get()));
        Node swipe = robot.lookup("#swipeView").query();
        Point2D divider = fx(() -> swipe.localToScreen(swipe.getLayoutBounds().getWidth() / 2, swipe.getLayoutBounds().getHeight() / 2));
        robot.drag(divider, MouseButton.PRIMARY).dropBy(-200, 0);
        double fraction = fx(() -> vm.swipeDividerProperty().get());
        assertTrue(fraction < 0.45, "divider dragged left: " + fraction);
        robot.clickOn("#mode-single");
        robot.type(javafx.scene.input.KeyCode.DIGIT0);
        assertEquals(fit.zoom(), fx(() -> vm.viewport().viewportProperty().get().zoom()), 1e-9, "0 fits again");
    }

    @Test
    void badFileShowsAMessage(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.png");
        Files.writeString(bad, "not an image");
        viewer.start(bad, model()).get(60, TimeUnit.SECONDS);
        String message = fx(() -> vm.status().messageProperty().get());
        assertTrue(message != null && message.contains("not an image"), message);
        assertTrue(fx(() -> robot.lookup("#notice").query().isVisible()));
        assertTrue(Files.readString(LogFile.path()).contains("Cannot open bad.png"), "the failure is in the log");
    }

    @Test
    void modelMenuListsTheShippedModelsWithTheDefaultChecked(FxRobot robot) throws Exception {
        viewer.start(SAMPLE, null).get(60, TimeUnit.SECONDS);
        String expected = ShippedModels.defaultName().orElseThrow();
        waitFor("default model loaded", () -> expected.equals(vm.status().modelNameProperty().get()));
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").query();
        Menu models = fx(() -> bar.getMenus().stream().filter(m -> "Model".equals(m.getText())).findFirst().orElseThrow());
        List<String> names = fx(() -> models.getItems().stream().filter(RadioMenuItem.class::isInstance)
                .map(MenuItem::getText).toList());
        assertEquals(ShippedModels.available(), names);
        assertTrue(names.contains("liif-default"), names.toString());
        assertEquals(List.of(expected), fx(() -> models.getItems().stream()
                .filter(i -> i instanceof RadioMenuItem r && r.isSelected()).map(MenuItem::getText).toList()));
        assertEquals("Open Model File…", fx(() -> models.getItems().get(models.getItems().size() - 1).getText()));
    }

    @Test
    void aboutNamesTheLogFileInTheBuildFolder(FxRobot robot) throws Exception {
        fx(() -> viewer.window().showAbout());
        TextField logFile = robot.lookup("#aboutLogFile").query();
        assertEquals(LogFile.path().toString(), fx(logFile::getText));
        assertTrue(LogFile.path().startsWith(Path.of("target").toAbsolutePath()), LogFile.path().toString());
    }

    @Test
    void exportMatchesCoreRenderer(FxRobot robot) throws Exception {
        Path model = model();
        org.junit.jupiter.api.Assumptions.assumeTrue(model != null, "small golden model not available");
        viewer.start(SAMPLE, model).get(60, TimeUnit.SECONDS);
        Path out = dir.resolve("export.png");
        fx(() -> viewer.window().showExport());
        robot.clickOn(".check-box");                 // aspect lock off
        setSpinner(robot, "#exportWidth", 3000);
        setSpinner(robot, "#exportHeight", 2000);
        assertTrue(robot.lookup("#exportChroma").query().isDisabled(), "JPEG colour resolution is off for PNG");
        TextField file = robot.lookup("#exportFile").query();
        fx(() -> {
            file.setText(out.toString());
            return null;
        });
        robot.clickOn((Button) robot.lookup("#exportStart").query());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Files.exists(out));
        waitFor("export finished", () -> ((javafx.scene.control.Label) robot.lookup("#exportStatus").query()).getText().startsWith("Saved"));

        FloatImage written = ImageFiles.read(out).rgb();
        assertEquals(3000, written.width());
        assertEquals(2000, written.height());
        var encoded = fx(() -> vm.content().modelProperty().get()).encode(ImageFiles.read(SAMPLE).rgb());
        FloatImage expected = encoded.render(2000, 3000, org.liifviewer.core.progress.RenderMonitor.NONE);
        for (int i = 0; i < expected.data().length; i++) {
            int e = Math.round(Math.min(Math.max(expected.data()[i], 0f), 1f) * 255);
            int a = Math.round(written.data()[i] * 255);
            if (Math.abs(e - a) > 1) {
                throw new AssertionError("sample " + i + ": expected " + e + ", got " + a);
            }
        }
    }

    private static void setSpinner(FxRobot robot, String id, int value) throws Exception {
        Spinner<Integer> s = robot.lookup(id).query();
        fx(() -> {
            s.getValueFactory().setValue(value);
            return null;
        });
    }
}
