package org.liifviewer.training.data;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.image.MatlabImresize;
import org.liifviewer.training.Shared;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageFoldersTest {

    private static final Path SET5 = Shared.path("data/Set5/HR");

    @Test
    void aDownScaledFolderAddsMatlabResizedCopiesAfterTheStoredImages() throws Exception {
        ImageFolders images = new ImageFolders(List.of(new ImageFolders.Folder(SET5, 1),
                new ImageFolders.Folder(SET5, 0.75), new ImageFolders.Folder(SET5, 0.5)), false);
        assertEquals(15, images.size());
        // woman.png, 228x344: MATLAB's ceil(0.75 * size) gives 171x258, ceil(0.5 * size) 114x172
        assertEquals(228L * 344, images.pixelCount(4));
        assertEquals(171L * 258, images.pixelCount(9));
        assertEquals(114L * 172, images.pixelCount(14));
        FloatImage stored = ImageFiles.read(SET5.resolve("woman.png")).rgb();
        FloatImage threeQuarters = images.read(9).toFloat();
        assertEquals(258, threeQuarters.height());
        assertEquals(171, threeQuarters.width());
        assertArrayEquals(MatlabImresize.resize(stored, 0.75).data(), threeQuarters.data());
        assertArrayEquals(stored.data(), images.read(4).toFloat().data(), "factor 1 is the file itself");
    }

    @Test
    void theCacheKeepsEachSizeApart() throws Exception {
        ImageFolders images = new ImageFolders(List.of(new ImageFolders.Folder(SET5, 1),
                new ImageFolders.Folder(SET5, 0.5)), true);
        TrainingImage baby = images.read(0);
        TrainingImage halfBaby = images.read(5);
        assertEquals(512, baby.width());
        assertEquals(256, halfBaby.width());
        assertEquals(256L * 256, images.pixelCount(5), "from the cached image");
    }

    @Test
    void aFactorOutsideZeroOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ImageFolders.Folder(SET5, 0));
        assertThrows(IllegalArgumentException.class, () -> new ImageFolders.Folder(SET5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ImageFolders.Folder(SET5, Double.NaN));
    }
}
