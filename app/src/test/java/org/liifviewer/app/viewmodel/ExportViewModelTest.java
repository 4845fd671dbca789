package org.liifviewer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.export.ChromaSampling;
import org.liifviewer.core.export.ExportFormat;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;

class ExportViewModelTest {

    private final DecodedImage image = new DecodedImage(FloatImage.zeros(3, 100, 300), Optional.empty(), 16, false,
            null, null, "png");
    private final ExportViewModel vm = new ExportViewModel(image, null, 1f, Runnable::run, Runnable::run);

    @Test
    void aspectLockLinksWidthHeightAndScale() {
        assertEquals(600, vm.widthProperty().get());
        vm.widthProperty().set(30000);
        assertEquals(10000, vm.heightProperty().get());
        assertEquals(100, vm.scaleProperty().get(), 1e-9);
        vm.scaleProperty().set(2.5);
        assertEquals(750, vm.widthProperty().get());
        assertEquals(250, vm.heightProperty().get());
        vm.aspectLockedProperty().set(false);
        vm.heightProperty().set(2000);
        assertEquals(750, vm.widthProperty().get());
    }

    @Test
    void sixteenBitInputExportsSixteenBitsWhereTheFormatAllows() {
        assertEquals(16, vm.settings().bitDepth());
        vm.formatProperty().set(ExportFormat.JPEG);
        assertEquals(8, vm.settings().bitDepth());
        assertEquals(ExportViewModel.Method.BICUBIC, vm.methodProperty().get(), "no model: bicubic");
    }

    @Test
    void anOversizedExportIsHeldBackUntilItIsStartedAgainUnchanged(@TempDir Path dir) {
        List<Runnable> background = new ArrayList<>();
        ExportViewModel big = new ExportViewModel(image, null, 1f, Runnable::run, background::add);
        big.targetProperty().set(dir.resolve("big.png"));
        big.widthProperty().set(1_000_000);
        assertEquals("Estimate: about 92.6 h, up to 2.0 TB", big.estimateProperty().get(), "16-bit RGB");

        runAll(background, big.start());
        assertTrue(big.statusProperty().get().startsWith("1000000×333333 (333333 megapixels) would take about 92.6 h"),
                big.statusProperty().get());
        assertTrue(big.statusProperty().get().endsWith(". Press Export again to go ahead anyway."));
        assertFalse(big.runningProperty().get());

        big.widthProperty().set(900_000);
        runAll(background, big.start());
        assertTrue(big.statusProperty().get().endsWith("Press Export again to go ahead anyway."), "changed: asks again");

        big.start();
        background.remove(0).run();                     // the check; the export itself stays queued, never run
        assertEquals("Exporting 900000 × 300000…", big.statusProperty().get());
        assertTrue(big.runningProperty().get());
        assertEquals(1, background.size());
    }

    private static void runAll(List<Runnable> tasks, CompletableFuture<Void> done) {
        while (!done.isDone()) {
            tasks.remove(0).run();
        }
    }

    @Test
    void jpegKeepsFullColourResolutionUnlessHalfIsChosen() {
        vm.formatProperty().set(ExportFormat.JPEG);
        assertEquals(ChromaSampling.FULL_444, vm.settings().jpegChroma());
        vm.jpegChromaProperty().set(ChromaSampling.HALF_420);
        assertEquals(ChromaSampling.HALF_420, vm.settings().jpegChroma());
    }
}
