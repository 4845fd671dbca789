package org.liifviewer.training.data;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.training.Shared;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImplicitSamplerTest {

    private static final ImplicitSampler PLAIN = new ImplicitSampler(new ImplicitSampler.Settings(48, 1, 4, 2304, true, false));
    private static final ImplicitSampler PERMUTING = new ImplicitSampler(new ImplicitSampler.Settings(48, 1, 4, 2304, true, true));

    @Test
    void permutedInputsAreThePlainCropsInOneOfTheSixChannelOrders() throws Exception {
        TrainingImage woman = TrainingImage.of(ImageFiles.read(Shared.path("data/Set5/HR/woman.png")).rgb());
        Set<Integer> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            FloatImage plain = PLAIN.sample(woman, 96, new SplittableRandom(seed)).input();
            FloatImage permuted = PERMUTING.sample(woman, 96, new SplittableRandom(seed)).input();
            int matches = 0;
            for (int k = 0; k < Augment.CHANNEL_ORDERS.length; k++) {
                if (Arrays.equals(Augment.permuteChannels(plain, Augment.CHANNEL_ORDERS[k]).data(), permuted.data())) {
                    matches++;
                    seen.add(k);
                }
            }
            assertEquals(1, matches, "seed " + seed + ": the same crop and flips, channels in exactly one order");
        }
        assertEquals(6, seen.size(), "every order is drawn");
    }

    @Test
    void inputAndTargetsArePermutedAlike() {
        // a flat colour with three different levels: each sampled pixel and the input carry the same channel order
        float[] values = new float[3 * 64 * 64];
        float[] levels = {51 / 255f, 128 / 255f, 204 / 255f};
        for (int i = 0; i < values.length; i++) {
            values[i] = levels[i / (64 * 64)];
        }
        TrainingImage flat = TrainingImage.of(new FloatImage(3, 64, 64, values));
        Set<String> orders = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            TrainingSample s = PERMUTING.sample(flat, 60, new SplittableRandom(seed));
            float[] inputColour = new float[3];
            for (int c = 0; c < 3; c++) {
                inputColour[c] = s.input().get(c, 24, 24);
            }
            for (int q = 0; q < s.rgb().length / 3; q++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(inputColour[c], s.rgb()[3 * q + c], 1e-5f, "seed " + seed + ", channel " + c);
                }
            }
            orders.add(Arrays.toString(inputColour));
        }
        assertEquals(6, orders.size());
    }
}
