package org.liifviewer.training.data;

import org.liifviewer.training.Shared;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.training.graph.QueryPlanner;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingStreamTest {

    private static final Path SET5 = Shared.path("data/Set5/HR");
    private static final ImplicitSampler.Settings PAPER = new ImplicitSampler.Settings(48, 1, 4, 2304, true, false);

    private static TrainingStream stream(long seed) throws Exception {
        return new TrainingStream(new ImageFolders(ImageFolders.Folder.asStored(List.of(SET5)), true), new ImplicitSampler(PAPER), seed, 2);
    }

    @Test
    void sampleDependsOnlyOnSeedAndIndex() throws Exception {
        TrainingStream a = stream(3);
        TrainingStream b = stream(3);
        TrainingSample late = b.sample(7); // another order of requests
        TrainingSample s = a.sample(7);
        assertArrayEquals(s.input().data(), late.input().data());
        assertArrayEquals(s.coord(), late.coord());
        assertArrayEquals(s.rgb(), late.rgb());
        assertFalse(java.util.Arrays.equals(s.coord(), a.sample(8).coord()));
        assertFalse(java.util.Arrays.equals(s.coord(), stream(4).sample(7).coord()));
    }

    @Test
    void sampleFollowsThePaperSampler() throws Exception {
        TrainingSample s = stream(1).sample(0);
        FloatImage lr = s.input();
        assertEquals(48, lr.height());
        assertEquals(48, lr.width());
        for (float v : lr.data()) {
            assertEquals(Math.round(v * 255) / 255f, v, 0f, "LR values are 8-bit");
        }
        assertEquals(2304, s.queries());
        float cell = s.cell()[0];
        int side = Math.round(2 / cell);
        assertTrue(side >= 48 && side <= 192, "crop side " + side);
        assertEquals((float) (2.0 / side), cell);
        Set<Long> distinct = new HashSet<>();
        for (int q = 0; q < s.queries(); q++) {
            // coordinates are pixel centres -1 + (2i + 1)/side of the crop
            double iy = (s.coord()[2 * q] + 1) * side / 2 - 0.5;
            double ix = (s.coord()[2 * q + 1] + 1) * side / 2 - 0.5;
            assertEquals(Math.rint(iy), iy, 1e-3);
            assertEquals(Math.rint(ix), ix, 1e-3);
            distinct.add(Math.round(iy) * side + Math.round(ix));
        }
        assertEquals(2304, distinct.size(), "sampled without replacement");
    }

    @Test
    void loaderDeliversTheStreamsBatchesInOrderFromAnyStart() throws Exception {
        LiifSpec spec = new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 4, 1f), new int[]{8}, 3, true, true, true);
        TrainingStream s = stream(5);
        TrainingBatch second;
        try (BatchLoader loader = new BatchLoader(s, QueryPlanner.liif(spec), 2, 0, 2, 3)) {
            assertEquals(0, loader.next().index());
            second = loader.next();
        }
        try (BatchLoader resumed = new BatchLoader(stream(5), QueryPlanner.liif(spec), 2, 1, 1, 1)) {
            TrainingBatch again = resumed.next();
            assertEquals(1, again.index());
            assertArrayEquals(second.input(), again.input());
            assertArrayEquals(second.target(), again.target());
            assertArrayEquals(second.plan().rows(), again.plan().rows());
        }
        TrainingSample third = s.sample(3); // batch 1 = samples 2, 3
        assertEquals((third.rgb()[0] - 0.5f) / 0.5f, second.target()[2304 * 3]);
    }
}
