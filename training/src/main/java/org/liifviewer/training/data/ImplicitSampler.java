package org.liifviewer.training.data;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.PillowBicubic;
import org.liifviewer.training.graph.QueryPlan;

import java.util.SplittableRandom;

/**
 * The paper's training sampler (official {@code sr-implicit-downsampled} with augment): scale s ~ U(min, max), a
 * random w_hr x w_hr HR crop with w_hr = round(inp * s), the LR input = Pillow-bicubic resize of the crop to
 * inp x inp, the same random flips/transpose for both, and {@code sampleQueries} HR pixels without replacement.
 * Optionally (not in the paper) the colour channels of both are put in a random one of their six orders. With random
 * group sampling (LIIF-GAN, Kang and Ahn, BMVC 2022) the queries are instead a patch: a random anchor pixel of the
 * crop and the {@code inp x inp} grid of HR pixel centres from it, row-major, so that the predictions reshape into an
 * image patch for a discriminator and a perceptual loss. The anchor is a pixel, not an arbitrary real point, so the
 * targets are the crop's own pixels rather than an interpolation of them (which would blur what the GAN learns).
 */
public final class ImplicitSampler {

    /**
     * @param inputSize     LR side (48)
     * @param scaleMin      smallest scale (1)
     * @param scaleMax      largest scale (4)
     * @param sampleQueries HR pixels per sample (2304)
     * @param augment       random row flip, column flip and transpose, each with probability 1/2
     * @param permuteChannels the RGB channels of input and target in one of their six orders, each with probability
     *                        1/6 (the "RGB permute" augmentation of Yoo et al., CVPR 2020); when off, no random
     *                        number is drawn for it, so the samples are those of a sampler without the option
     * @param groupSampling   random group sampling: an {@code inputSize x inputSize} patch of queries instead of
     *                        {@code sampleQueries} scattered pixels
     */
    public record Settings(int inputSize, double scaleMin, double scaleMax, int sampleQueries, boolean augment,
                           boolean permuteChannels, boolean groupSampling) {

        /** The paper's scattered pixel sampling. */
        public Settings(int inputSize, double scaleMin, double scaleMax, int sampleQueries, boolean augment,
                        boolean permuteChannels) {
            this(inputSize, scaleMin, scaleMax, sampleQueries, augment, permuteChannels, false);
        }

        /** Queries per sample: a patch's {@code inputSize²} with group sampling, else {@code sampleQueries}. */
        public int queries() {
            return groupSampling ? inputSize * inputSize : sampleQueries;
        }
    }

    private final Settings settings;

    public ImplicitSampler(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The HR crop side for a drawn scale: round-half-even(inputSize * s), as Python's round. */
    public int drawCropSize(SplittableRandom random) {
        double s = settings.scaleMin() + (settings.scaleMax() - settings.scaleMin()) * random.nextDouble();
        return (int) Math.rint(settings.inputSize() * s);
    }

    /** Samples from {@code hr} with crop side {@code cropSize} (at most the image's shorter side). */
    public TrainingSample sample(TrainingImage hr, int cropSize, SplittableRandom random) {
        int y0 = random.nextInt(hr.height() - cropSize + 1);
        int x0 = random.nextInt(hr.width() - cropSize + 1);
        FloatImage cropHr = hr.crop(y0, x0, cropSize, cropSize);
        FloatImage cropLr = PillowBicubic.resize(cropHr, settings.inputSize(), settings.inputSize());
        if (settings.augment()) {
            boolean flipRows = random.nextDouble() < 0.5;
            boolean flipCols = random.nextDouble() < 0.5;
            boolean transpose = random.nextDouble() < 0.5;
            cropHr = Augment.apply(cropHr, flipRows, flipCols, transpose);
            cropLr = Augment.apply(cropLr, flipRows, flipCols, transpose);
        }
        int[] order = Augment.CHANNEL_ORDERS[0];
        if (settings.permuteChannels()) {
            order = Augment.CHANNEL_ORDERS[random.nextInt(Augment.CHANNEL_ORDERS.length)];
            cropLr = Augment.permuteChannels(cropLr, order);
        }
        return settings.groupSampling() ? patchSample(cropLr, cropHr, order, random)
                : scatteredPixels(cropLr, cropHr, settings.sampleQueries(), order, random);
    }

    /** The input and the {@code inputSize²} HR pixels of a patch at a random anchor, row-major. */
    private TrainingSample patchSample(FloatImage lr, FloatImage hr, int[] channelOrder, SplittableRandom random) {
        int side = hr.height();
        int patch = settings.inputSize();
        int y0 = random.nextInt(side - patch + 1);
        int x0 = random.nextInt(side - patch + 1);
        int[] pixels = new int[patch * patch];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (y0 + i / patch) * side + x0 + i % patch;
        }
        return atPixels(lr, hr, pixels, channelOrder);
    }

    /**
     * The input and {@code queries} pixels of the square {@code hr} drawn without replacement (all of them, in a
     * random order, when it has fewer), its channels read in {@code channelOrder}.
     */
    static TrainingSample scatteredPixels(FloatImage lr, FloatImage hr, int queries, int[] channelOrder,
                                          SplittableRandom random) {
        int side = hr.height();
        int pixels = side * side;
        int q = Math.min(queries, pixels);
        int[] order = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            order[i] = i;
        }
        for (int i = 0; i < q; i++) {
            int j = i + random.nextInt(pixels - i);
            int p = order[j];
            order[j] = order[i];
            order[i] = p;
        }
        return atPixels(lr, hr, java.util.Arrays.copyOf(order, q), channelOrder);
    }

    /** Queries at the centres of the square {@code hr}'s pixels {@code pixels} (row-major indices) and their RGB. */
    private static TrainingSample atPixels(FloatImage lr, FloatImage hr, int[] pixels, int[] channelOrder) {
        int side = hr.height();
        int q = pixels.length;
        float cellSize = (float) (2.0 / side);
        float[] coord = new float[2 * q];
        float[] cell = new float[2 * q];
        float[] rgb = new float[3 * q];
        for (int i = 0; i < q; i++) {
            int p = pixels[i];
            coord[2 * i] = QueryPlan.centre(p / side, side);
            coord[2 * i + 1] = QueryPlan.centre(p % side, side);
            cell[2 * i] = cellSize;
            cell[2 * i + 1] = cellSize;
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = hr.data()[channelOrder[c] * side * side + p];
            }
        }
        return new TrainingSample(lr, coord, cell, rgb);
    }
}
