package org.liifviewer.training.data;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The paper's patch-based training samples as an endless, reproducible {@link SampleSource}: each epoch visits
 * every image as often as {@link Sampling} says ({@code repeat} times, or in proportion to its area), in an order
 * shuffled per epoch, and each sample draws its scale, crop, augmentation and pixels from its own random stream
 * ({@link EpochOrder}).
 * <p>
 * Images smaller than the drawn crop: another image is drawn from the sample's stream (up to {@value #REDRAWS}
 * times), then the crop is shrunk to the image's shorter side. Images whose shorter side is below the LR input
 * size are rejected.
 */
public final class TrainingStream implements SampleSource {

    private static final int REDRAWS = 16;

    private final ImageFolders images;
    private final ImplicitSampler sampler;
    private final int[] slotImage;
    private final EpochOrder order;

    /** Every image {@code repeat} times per epoch ({@link Sampling#IMAGE}). */
    public TrainingStream(ImageFolders images, ImplicitSampler sampler, long seed, int repeat) throws IOException {
        this(images, sampler, seed, repeat, Sampling.IMAGE);
    }

    public TrainingStream(ImageFolders images, ImplicitSampler sampler, long seed, int repeat, Sampling sampling)
            throws IOException {
        this.images = images;
        this.sampler = sampler;
        this.slotImage = slots(sampling.copies(images, repeat));
        this.order = new EpochOrder(seed, slotImage.length);
    }

    /**
     * The image of each epoch slot, in rounds: round r lists, in order, every image with more than r copies. With
     * equal copies, slot k holds image k mod n.
     */
    private static int[] slots(int[] copies) {
        long total = 0;
        for (int c : copies) {
            total += c;
        }
        int[] slots = new int[Math.toIntExact(total)];
        int[] active = IntStream.range(0, copies.length).toArray();
        int k = 0;
        for (int round = 0; active.length > 0; round++) {
            for (int image : active) {
                slots[k++] = image;
            }
            int next = round + 1;
            active = Arrays.stream(active).filter(image -> copies[image] > next).toArray();
        }
        return slots;
    }

    /** Samples per epoch: the images' copies together. */
    @Override
    public long epochSize() {
        return slotImage.length;
    }

    /** The image that sample {@code index} is cropped from (before any redraw for a crop larger than the image). */
    public int imageOf(long index) {
        return slotImage[order.slot(index)];
    }

    @Override
    public TrainingSample sample(long index) throws IOException {
        SplittableRandom random = order.randomOf(index);
        int image = imageOf(index);
        int cropSize = sampler.drawCropSize(random);
        TrainingImage hr = images.read(image);
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
}
