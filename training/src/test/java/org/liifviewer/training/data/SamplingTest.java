package org.liifviewer.training.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.training.Shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingTest {

    private static final ImplicitSampler.Settings PAPER = new ImplicitSampler.Settings(48, 1, 4, 2304, true, false);

    /** Set5 HR sorted by name: baby 512x512, bird 288x288, butterfly 256x256, head 280x280, woman 228x344. */
    private static ImageFolders set5(boolean cache) throws IOException {
        return new ImageFolders(ImageFolders.Folder.asStored(List.of(Shared.path("data/Set5/HR"))), cache);
    }

    @Test
    void pixelCountReadsTheHeaderOfPngAndJpegFiles() throws Exception {
        ImageFolders png = set5(false);
        assertEquals(512L * 512, png.pixelCount(0));
        assertEquals(228L * 344, png.pixelCount(4));
        ImageFolders jpeg = new ImageFolders(ImageFolders.Folder.asStored(List.of(Shared.path("data/CelebA-HQ_sample/HR"))), false);
        assertEquals(jpeg.read(0).pixelCount(), jpeg.pixelCount(0), "the header's size is the decoded size");
    }

    @Test
    void pixelCountOfACorruptFileIsAClearError(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("broken.png"), new byte[]{1, 2, 3, 4, 5});
        IOException e = assertThrows(IOException.class, () -> new ImageFolders(ImageFolders.Folder.asStored(List.of(dir)), false).pixelCount(0));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }

    @Test
    void imageSamplingDrawsEveryImageRepeatTimes() throws Exception {
        assertArrayEquals(new int[]{3, 3, 3, 3, 3}, Sampling.IMAGE.copies(set5(false), 3));
    }

    @Test
    void areaSamplingDrawsImagesInProportionToTheirPixels() throws Exception {
        // units of the smallest image (butterfly, 65,536 pixels): baby 4.0, bird 1.27, head 1.20, woman 1.20
        assertArrayEquals(new int[]{4, 1, 1, 1, 1}, Sampling.AREA.copies(set5(false), 1));
        assertArrayEquals(new int[]{8, 2, 2, 2, 2}, Sampling.AREA.copies(set5(true), 2));
    }

    @Test
    void anEpochVisitsEveryImageAsOftenAsItsCopies() throws Exception {
        TrainingStream stream = new TrainingStream(set5(true), new ImplicitSampler(PAPER), 7, 2, Sampling.AREA);
        assertEquals(16, stream.epochSize());
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] visits = new int[5];
            for (long i = epoch * 16L; i < (epoch + 1) * 16L; i++) {
                visits[stream.imageOf(i)]++;
            }
            assertArrayEquals(new int[]{8, 2, 2, 2, 2}, visits, "epoch " + epoch);
        }
    }

    @Test
    void imageSamplingKeepsTheOrderOfEarlierRuns() throws Exception {
        // slot k of an epoch of equal copies is image k mod n, as before area sampling existed: resumed runs keep
        // their sequence
        TrainingStream stream = new TrainingStream(set5(true), new ImplicitSampler(PAPER), 5, 2);
        int[] visits = new int[5];
        for (long i = 0; i < 10; i++) {
            visits[stream.imageOf(i)]++;
        }
        assertArrayEquals(new int[]{2, 2, 2, 2, 2}, visits);
    }
}
