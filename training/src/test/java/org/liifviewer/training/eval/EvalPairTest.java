package org.liifviewer.training.eval;

import org.liifviewer.training.Shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.image.PillowBicubic;

/** The LR/HR pairs of test.py: paired LR files for x2-x4, generated LR above. */
class EvalPairTest {

    private static FloatImage set5(String file) throws IOException {
        return ImageFiles.read(Shared.set5().resolve(file)).rgb();
    }

    @Test
    void generatedX6PairHasTheDocumentedSizes() throws IOException {
        FloatImage woman = set5("HR/woman.png");  // 228 wide, 344 high
        EvalPair pair = EvalPair.downsampled(woman, 6);
        // h_lr = floor(344 / 6) = 57, w_lr = floor(228 / 6) = 38; HR crop = round(lr * 6)
        assertEquals(57, pair.lr().height());
        assertEquals(38, pair.lr().width());
        assertEquals(342, pair.hr().height());
        assertEquals(228, pair.hr().width());
        assertEquals(LrSource.GENERATED, pair.source());
        assertArrayEquals(woman.crop(0, 0, 342, 228).data(), pair.hr().data(), "top-left crop");
        assertArrayEquals(PillowBicubic.resize(pair.hr(), 57, 38).data(), pair.lr().data(), "resize_fn of the crop");
    }

    @Test
    void generatedPairOfAnExactMultipleKeepsTheWholeImage() throws IOException {
        EvalPair pair = EvalPair.downsampled(set5("HR/bird.png"), 6);  // 288 x 288
        assertEquals(48, pair.lr().height());
        assertEquals(288, pair.hr().height());
    }

    @Test
    void pairedLrFileCropsTheHrToLrSizeTimesScale() throws IOException {
        FloatImage baby = set5("HR/baby.png");  // 512 x 512
        EvalPair pair = EvalPair.paired(baby, set5("LR_bicubic/X3/babyx3.png"), 3);
        assertEquals(170, pair.lr().height());
        assertEquals(510, pair.hr().height());
        assertEquals(510, pair.hr().width());
        assertEquals(LrSource.FILE, pair.source());
    }

    @Test
    void lrFileOfAnotherScaleIsRefused() throws IOException {
        FloatImage baby = set5("HR/baby.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvalPair.paired(baby, set5("LR_bicubic/X2/babyx2.png"), 3));
        assertTrue(e.getMessage().contains("not an x3 pair"), e.getMessage());
    }

    @Test
    void imageSmallerThanTheScaleIsRefused() {
        FloatImage tiny = FloatImage.zeros(3, 20, 40);
        assertThrows(IllegalArgumentException.class, () -> EvalPair.downsampled(tiny, 30));
    }

    @Test
    void lrFilesAreUsedUpToX4OnlyAsTestPyDoes() throws IOException {
        EvalSet set = EvalSet.open(Shared.set5());
        EvalSet.Image baby = set.images().get(0);
        FloatImage hr = ImageFiles.read(baby.hr()).rgb();
        assertEquals(LrSource.FILE, Evaluator.pair(set, baby, hr, 4).source());
        assertTrue(set.lrFile(baby, 8).isPresent(), "Set5 has X8 files");
        assertEquals(LrSource.GENERATED, Evaluator.pair(set, baby, hr, 8).source());
    }
}
