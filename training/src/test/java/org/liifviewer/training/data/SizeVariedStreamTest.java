package org.liifviewer.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.image.PillowBicubic;
import org.liifviewer.training.graph.QueryPlan;

/**
 * Whole images with size-varied ground truths (paper Sec. 5.3): sizes spread from L to H over the images, inputs and
 * targets the official resizes, queries at the target's pixel centres with cell 2/size, a consistent flip, and the
 * same samples for the same seed.
 */
class SizeVariedStreamTest {

    /** L = 8, ground truths 8 to 32, 40 queries, flips on. */
    private static final SizeVariedStream.Settings SETTINGS = new SizeVariedStream.Settings(8, 8, 32, 0, 40, true);

    @TempDir
    Path dir;

    private ImageFolders fiveImages() throws IOException {
        for (int i = 0; i < 5; i++) {
            GeneratedImages.png(dir.resolve("faces"), "face" + i + ".png", 40, 40, i);
        }
        return new ImageFolders(ImageFolders.Folder.asStored(List.of(dir.resolve("faces"))), true);
    }

    @Test
    void groundTruthSizesSpreadEvenlyFromLToHOverTheImages() {
        int[] sizes = new int[5];
        for (int i = 0; i < 5; i++) {
            sizes[i] = SETTINGS.targetSize(i, 5);
        }
        assertArrayEquals(new int[]{8, 14, 20, 26, 32}, sizes);
        assertEquals(32, SETTINGS.targetSize(0, 1));
        // Python's round: 8 + 24 * 1/16 = 9.5 rounds to the even 10
        assertEquals(10, SETTINGS.targetSize(1, 17));
    }

    @Test
    void inputsAndTargetsAreThePillowBicubicResizesOfTheWholeImage() throws IOException {
        SizeVariedStream stream = new SizeVariedStream(fiveImages(), SETTINGS, 1, 1);
        for (int i = 0; i < 5; i++) {
            FloatImage source = ImageFiles.read(dir.resolve("faces/face" + i + ".png")).rgb();
            SizeVariedStream.Pair pair = stream.pair(i);
            int side = SETTINGS.targetSize(i, 5);
            assertArrayEquals(PillowBicubic.resize(source, 8, 8).data(), pair.input().data());
            FloatImage high = PillowBicubic.resize(source, 32, 32);
            FloatImage expected = side == 32 ? high : PillowBicubic.resize(high, side, side);
            assertEquals(side, pair.target().height());
            assertEquals(side, pair.target().width());
            assertArrayEquals(expected.data(), pair.target().data());
        }
    }

    @Test
    void gtResizeBringsEveryTargetBackToOneSize() throws IOException {
        SizeVariedStream.Settings resized = new SizeVariedStream.Settings(8, 8, 32, 32, 40, false);
        SizeVariedStream stream = new SizeVariedStream(fiveImages(), resized, 1, 1);
        FloatImage source = ImageFiles.read(dir.resolve("faces/face1.png")).rgb();
        FloatImage own = PillowBicubic.resize(PillowBicubic.resize(source, 32, 32), 14, 14);
        assertArrayEquals(PillowBicubic.resize(own, 32, 32).data(), stream.pair(1).target().data());
        for (long k = 0; k < 5; k++) {
            TrainingSample s = stream.sample(k);
            assertEquals(2f / 32, s.cell()[0]);
        }
    }

    @Test
    void queriesAreTargetPixelCentresWithTheirColoursAndCellTwoOverTheSize() throws IOException {
        SizeVariedStream stream = new SizeVariedStream(fiveImages(), SETTINGS, 7, 1);
        Set<Boolean> flipsSeen = new HashSet<>();
        for (long k = 0; k < 20; k++) {
            TrainingSample s = stream.sample(k);
            SizeVariedStream.Pair pair = stream.pair(stream.imageOf(k));
            FloatImage target = pair.target();
            int side = target.height();
            assertEquals(40, s.queries());
            boolean flipped = !Arrays.equals(pair.input().data(), s.input().data());
            flipsSeen.add(flipped);
            if (flipped) {
                assertArrayEquals(mirrored(pair.input()).data(), s.input().data());
            }
            Set<Integer> pixels = new HashSet<>();
            for (int q = 0; q < s.queries(); q++) {
                int y = pixelOf(s.coord()[2 * q], side);
                int x = pixelOf(s.coord()[2 * q + 1], side);
                assertTrue(pixels.add(y * side + x), "a pixel drawn twice");
                assertEquals(2f / side, s.cell()[2 * q]);
                assertEquals(2f / side, s.cell()[2 * q + 1]);
                int sourceX = flipped ? side - 1 - x : x;
                for (int c = 0; c < 3; c++) {
                    assertEquals(target.get(c, y, sourceX), s.rgb()[3 * q + c]);
                }
            }
        }
        assertEquals(Set.of(true, false), flipsSeen);
    }

    @Test
    void anEpochShowsEveryImageOnceAndTheSameSeedGivesTheSameSamples() throws IOException {
        ImageFolders images = fiveImages();
        SizeVariedStream a = new SizeVariedStream(images, SETTINGS, 3, 1);
        SizeVariedStream b = new SizeVariedStream(images, SETTINGS, 3, 1);
        SizeVariedStream other = new SizeVariedStream(images, SETTINGS, 4, 1);
        assertEquals(5, a.epochSize());
        Set<Integer> epoch = new HashSet<>();
        for (long k = 5; k < 10; k++) {
            epoch.add(a.imageOf(k));
        }
        assertEquals(Set.of(0, 1, 2, 3, 4), epoch);
        boolean differs = false;
        for (long k = 0; k < 10; k++) {
            assertArrayEquals(a.sample(k).coord(), b.sample(k).coord());
            assertArrayEquals(a.sample(k).rgb(), b.sample(k).rgb());
            differs |= !Arrays.equals(a.sample(k).rgb(), other.sample(k).rgb());
        }
        assertTrue(differs, "another seed draws other samples");
    }

    @Test
    void anImageSmallerThanTheLargestTargetOrNotSquareIsNamedBeforeTraining() throws IOException {
        GeneratedImages.png(dir.resolve("small"), "big.png", 40, 40, 1);
        Path small = GeneratedImages.png(dir.resolve("small"), "tiny.png", 24, 24, 2);
        IOException e = assertThrows(IOException.class, () -> new SizeVariedStream(
                new ImageFolders(ImageFolders.Folder.asStored(List.of(dir.resolve("small"))), false), SETTINGS, 1, 1));
        assertTrue(e.getMessage().contains(small.toString()) && e.getMessage().contains("smaller than"), e.getMessage());

        Path wide = GeneratedImages.png(dir.resolve("wide"), "wide.png", 48, 40, 3);
        e = assertThrows(IOException.class, () -> new SizeVariedStream(
                new ImageFolders(ImageFolders.Folder.asStored(List.of(dir.resolve("wide"))), false), SETTINGS, 1, 1));
        assertTrue(e.getMessage().contains(wide.toString()) && e.getMessage().contains("not square"), e.getMessage());
    }

    @Test
    void moreQueriesThanTheSmallestTargetHasPixelsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SizeVariedStream.Settings(8, 8, 32, 0, 65, true));
        assertTrue(e.getMessage().contains("sample_q"), e.getMessage());
        // with every ground truth resized to 32 x 32, 65 queries fit every sample
        assertEquals(65, new SizeVariedStream.Settings(8, 8, 32, 32, 65, true).sampleQueries());
    }

    private static int pixelOf(float centre, int side) {
        int i = QueryPlan.nearest(centre, side);
        assertEquals(QueryPlan.centre(i, side), centre, 1e-6f, "not a pixel centre");
        return i;
    }

    private static FloatImage mirrored(FloatImage img) {
        FloatImage out = FloatImage.zeros(img.channels(), img.height(), img.width());
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < img.width(); x++) {
                    out.set(c, y, x, img.get(c, y, img.width() - 1 - x));
                }
            }
        }
        return out;
    }
}
