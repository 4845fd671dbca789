package org.liifviewer.app.view;

import org.liifviewer.app.SharedFiles;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liifviewer.app.viewmodel.CompareMode;

/** Takes the README screenshots, with the embedded default model, into {@code docs/screenshots/} (-Pheavy). */
@Tag("heavy")
class ScreenshotsTest extends ViewerFixture {

    static final Path OUT = Path.of("..", "docs", "screenshots");
    static final Path LARGE = SharedFiles.find("data/DIV2K_train_sample/HR/0004.png");

    @Test
    void takeScreenshots() throws Exception {
        Files.createDirectories(OUT);
        var vm = viewer.viewModel();
        Path image = LARGE != null ? LARGE : SAMPLE;
        viewer.start(image, null).get(60, TimeUnit.SECONDS);
        Thread.sleep(1500);
        save(viewer.window(), "fit-view.png");

        viewer.start(SAMPLE, null).get(60, TimeUnit.SECONDS);
        fx(() -> {
            vm.compareModeProperty().set(CompareMode.SIDE_BY_SIDE);
            return null;
        });
        Thread.sleep(500);
        fx(() -> {
            vm.viewport().setZoom(30);
            vm.viewport().centreOn(165, 105);            // the left eye: pupil, iris and highlight
            return null;
        });
        waitFor("tiles at x30", () -> !vm.liifLayer().busyProperty().get()
                && !vm.bicubicLayer().busyProperty().get() && vm.liifLayer().storedTiles() > 0);
        Thread.sleep(800);
        save(viewer.window(), "compare-x30.png");

        ExportDialog dialog = fx(() -> viewer.window().showExport());
        Thread.sleep(800);
        save(dialog.getDialogPane(), "export-dialog.png");
    }

    private static void save(Node node, String name) throws Exception {
        WritableImage shot = fx(() -> node.snapshot(null, null));
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(out, "png", OUT.resolve(name).toFile());
    }
}
