package org.liifviewer.training.data;

import org.liifviewer.core.image.FloatImage;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * An endless, reproducible sequence of training samples. Sample {@code i} depends only on the seed and {@code i}:
 * epochs of {@code images x repeat} samples visit the images in an order shuffled per epoch, and each sample draws
 * its scale, crop, augmentation and pixels from its own random stream. Any thread may compute any sample, and a
 * resumed run continues the same sequence from a sample index.
 * <p>
 * Images smaller than the drawn crop: another image is drawn from the sample's stream (up to {@value #REDRAWS}
 * times), then the crop is shrunk to the image's shorter side. Images whose shorter side is below the LR input
 * size are rejected.
 */
public final class TrainingStream {

    private static final int REDRAWS = 16;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final ImageFolders images;
    private final ImplicitSampler sampler;
    private final long seed;
    private final int repeat;
    private long cachedEpoch = -1;
    private int[] cachedOrder;

    public TrainingStream(ImageFolders images, ImplicitSampler sampler, long seed, int repeat) {
        this.images = images;
        this.sampler = sampler;
        this.seed = seed;
        this.repeat = repeat;
    }

    /** Samples per epoch: images x repeat. */
    public long epochSize() {
        return (long) images.size() * repeat;
    }

    /** Sample number {@code index} of the sequence. */
    public TrainingSample sample(long index) throws IOException {
        SplittableRandom random = new SplittableRandom(seed * GOLDEN_GAMMA + index);
        int image = order(index / epochSize())[(int) (index % epochSize())] % images.size();
        int cropSize = sampler.drawCropSize(random);
        FloatImage hr = images.read(image);
        for (int tries = 0; tries < REDRAWS && cropSize > Math.min(hr.height(), hr.width()); tries++) {
            hr = images.read(random.nextInt(images.size()));
        }
        int shorter = Math.min(hr.height(), hr.width());
        if (shorter < sampler.settings().inputSize()) {
            throw new IOException("training image smaller than the input size "
                    + sampler.settings().inputSize() + ": " + hr.width() + "x" + hr.height());
        }
        return sampler.sample(hr, Math.min(cropSize, shorter), random);
    }

    private synchronized int[] order(long epoch) {
        if (epoch != cachedEpoch) {
            SplittableRandom random = new SplittableRandom(~seed * GOLDEN_GAMMA + epoch);
            int[] order = new int[Math.toIntExact(epochSize())];
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
