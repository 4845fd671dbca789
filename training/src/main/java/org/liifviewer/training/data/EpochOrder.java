package org.liifviewer.training.data;

import java.util.SplittableRandom;

/**
 * The order in which one epoch visits its slots: a shuffle drawn per epoch from the seed, so that slot {@code k} of
 * epoch {@code e} is the same in every run and on every thread. The last epoch's order is kept, since consecutive
 * samples mostly fall in the same epoch.
 */
final class EpochOrder {

    /** The golden-ratio increment that spreads seeds apart (SplittableRandom's own gamma). */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final int epochSize;
    private long cachedEpoch = -1;
    private int[] cachedOrder;

    EpochOrder(long seed, int epochSize) {
        if (epochSize < 1) {
            throw new IllegalArgumentException("an epoch needs at least one slot, got " + epochSize);
        }
        this.seed = seed;
        this.epochSize = epochSize;
    }

    /** The slot that sample {@code index} (counted over all epochs) reads. */
    int slot(long index) {
        return order(index / epochSize)[(int) (index % epochSize)];
    }

    /** The random stream of sample {@code index}: its scale, crop, flips and pixels. */
    SplittableRandom randomOf(long index) {
        return new SplittableRandom(seed * GOLDEN_GAMMA + index);
    }

    private synchronized int[] order(long epoch) {
        if (epoch != cachedEpoch) {
            SplittableRandom random = new SplittableRandom(~seed * GOLDEN_GAMMA + epoch);
            int[] order = new int[epochSize];
            for (int i = 0; i < order.length; i++) {
                int j = random.nextInt(i + 1);
                order[i] = order[j];
                order[j] = i;
            }
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
