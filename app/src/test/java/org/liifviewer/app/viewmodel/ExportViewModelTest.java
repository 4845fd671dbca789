package org.liifviewer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.export.ChromaSampling;
import org.liifviewer.core.export.ExportFormat;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;

class ExportViewModelTest {

    private final DecodedImage image = new DecodedImage(FloatImage.zeros(3, 100, 300), Optional.empty(), 16, false,
            null, null, "png");
    private final ExportViewModel vm = new ExportViewModel(image, null, Runnable::run, Runnable::run);

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
    void jpegKeepsFullColourResolutionUnlessHalfIsChosen() {
        vm.formatProperty().set(ExportFormat.JPEG);
        assertEquals(ChromaSampling.FULL_444, vm.settings().jpegChroma());
        vm.jpegChromaProperty().set(ChromaSampling.HALF_420);
        assertEquals(ChromaSampling.HALF_420, vm.settings().jpegChroma());
    }
}
