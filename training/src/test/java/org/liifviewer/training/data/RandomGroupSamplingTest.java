package org.liifviewer.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;

/** Random group sampling: a patch of queries on the HR pixel grid, its targets those pixels, reproducible by seed. */
class RandomGroupSamplingTest {

    private static final int H = 150;
    private static final int W = 170;
    private static final ImplicitSampler GROUPS =
            new ImplicitSampler(new ImplicitSampler.Settings(16, 1, 4, 2304, false, false, true));

    /** An image whose red and green values are the pixel's own row and column (over 255). */
    private static TrainingImage positions() {
        float[] data = new float[3 * H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                data[y * W + x] = y / 255f;
                data[H * W + y * W + x] = x / 255f;
            }
        }
        return TrainingImage.of(new FloatImage(3, H, W, data));
    }

    @Test
    void theQueriesAreAPatchOfConsecutiveHrPixelsWithTheirOwnValues() {
        TrainingImage image = positions();
        for (long seed = 0; seed < 10; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int crop = GROUPS.drawCropSize(random);
            TrainingSample s = GROUPS.sample(image, crop, random);
            assertEquals(256, s.queries());
            assertEquals(GROUPS.settings().queries(), s.queries());
            float step = 2f / crop;
            for (int i = 0; i < s.queries(); i++) {
                int row = i / 16;
                int col = i % 16;
                assertEquals(step, s.cell()[2 * i], 0f);
                assertEquals(s.coord()[0] + row * step, s.coord()[2 * i], 1e-5, "row coordinate of query " + i);
                assertEquals(s.coord()[1] + col * step, s.coord()[2 * i + 1], 1e-5, "column coordinate of query " + i);
                assertEquals(s.rgb()[0] + row / 255f, s.rgb()[3 * i], 1e-6, "row value of query " + i);
                assertEquals(s.rgb()[1] + col / 255f, s.rgb()[3 * i + 1], 1e-6, "column value of query " + i);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePatchAndAnotherSeedAnother() {
        TrainingImage image = positions();
        TrainingSample a = GROUPS.sample(image, 40, new SplittableRandom(3));
        TrainingSample b = GROUPS.sample(image, 40, new SplittableRandom(3));
        TrainingSample c = GROUPS.sample(image, 40, new SplittableRandom(4));
        assertArrayEquals(a.coord(), b.coord());
        assertArrayEquals(a.rgb(), b.rgb());
        assertArrayEquals(a.input().data(), b.input().data());
        assertFalse(Arrays.equals(a.rgb(), c.rgb()));
    }
}
