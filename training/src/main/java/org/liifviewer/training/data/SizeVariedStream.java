package org.liifviewer.training.data;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.PillowBicubic;

import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learning with size-varied ground truths (LIIF paper, Sec. 5.3; the official {@code sr-implicit-uniform-varied}):
 * whole square images, not crops. Image {@code i} of {@code n} has one ground-truth size for the whole run, spread
 * evenly from {@code sizeMin} to {@code sizeMax} over the folder order ({@link Settings#targetSize}), as a data set
 * whose images come in different resolutions; its input is the whole image at {@code inputSize x inputSize}. Both are
 * Pillow-bicubic resizes rounded to 8 bits, as the official folders are made: the input from the source image, the
 * ground truth from the source resized to {@code sizeMax} (the official {@code H} folder), then to its own size and,
 * for a model of fixed output size (the "up-sampling modules" comparison), back to {@code gtResize}. Each sample
 * flips both horizontally with probability 1/2 (faces: no vertical flip) and draws {@code sampleQueries} ground-truth
 * pixels without replacement. Each epoch visits every image {@code repeat} times in a shuffled order
 * ({@link EpochOrder}).
 */
public final class SizeVariedStream implements SampleSource {

    /**
     * @param inputSize     the input side L
     * @param sizeMin       the smallest ground-truth side (L in the paper)
     * @param sizeMax       the largest ground-truth side H
     * @param gtResize      0, or the side every ground truth is resized to after taking its own size (H for the
     *                      up-sampling modules)
     * @param sampleQueries ground-truth pixels per sample: at most the smallest ground truth's pixel count, so that
     *                      every sample has as many
     * @param flip          the random horizontal flip
     */
    public record Settings(int inputSize, int sizeMin, int sizeMax, int gtResize, int sampleQueries, boolean flip) {

        public Settings {
            if (inputSize < 1 || sizeMin < inputSize || sizeMax < sizeMin) {
                throw new IllegalArgumentException("size-varied ground truths need 1 <= inp_size <= size_min <= size_max,"
                        + " got " + inputSize + ", " + sizeMin + ", " + sizeMax);
            }
            if (gtResize < 0) {
                throw new IllegalArgumentException("gt_resize must be 0 (off) or a side, got " + gtResize);
            }
            long smallest = (long) (gtResize > 0 ? gtResize : sizeMin) * (gtResize > 0 ? gtResize : sizeMin);
            if (sampleQueries < 1 || sampleQueries > smallest) {
                throw new IllegalArgumentException("sample_q must lie in [1, " + smallest + "] (the smallest ground"
                        + " truth's pixels), got " + sampleQueries);
            }
        }

        /** The ground-truth side of image {@code image} of {@code images}: round(min + (max - min) i / (n - 1)). */
        public int targetSize(int image, int images) {
            if (images == 1) {
                return sizeMax;
            }
            return (int) Math.rint(sizeMin + (sizeMax - sizeMin) * (double) image / (images - 1));
        }

        /** The side a ground truth is trained at: {@code gtResize} when set, else its own size. */
        public int trainedSize(int image, int images) {
            return gtResize > 0 ? gtResize : targetSize(image, images);
        }
    }

    /**
     * One image's input and ground truth, values k/255.
     *
     * @param input  the whole image at L x L
     * @param target its ground truth at its own size (or at {@code gtResize})
     */
    public record Pair(FloatImage input, FloatImage target) {
    }

    private final ImageFolders images;
    private final Settings settings;
    private final int epochSize;
    private final EpochOrder order;
    private final Map<Integer, Pair> pairs = new ConcurrentHashMap<>();

    /**
     * @throws IOException naming the first file that is not square or is smaller than {@code sizeMax} (or
     *                     {@code gtResize}), read from the headers before training starts
     */
    public SizeVariedStream(ImageFolders images, Settings settings, long seed, int repeat) throws IOException {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
        }
        this.images = images;
        this.settings = settings;
        this.epochSize = Math.multiplyExact(images.size(), repeat);
        this.order = new EpochOrder(seed, epochSize);
        int needed = Math.max(settings.sizeMax(), settings.gtResize());
        for (int i = 0; i < images.size(); i++) {
            ImageFolders.Size size = images.size(i);
            if (size.width() != size.height()) {
                throw new IOException(images.file(i) + ": " + size.width() + "x" + size.height() + " is not square;"
                        + " whole-image training with size-varied ground truths needs square images");
            }
            if (size.width() < needed) {
                throw new IOException(images.file(i) + ": " + size.width() + "x" + size.height() + " is smaller than"
                        + " the largest ground truth, " + needed + "x" + needed);
            }
        }
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public long epochSize() {
        return epochSize;
    }

    /** The image that sample {@code index} shows. */
    public int imageOf(long index) {
        return order.slot(index) % images.size();
    }

    /** Image {@code image}'s input and ground truth (made once, then kept). */
    public Pair pair(int image) throws IOException {
        Pair pair = pairs.get(image);
        if (pair == null) {
            pair = makePair(image);
            pairs.put(image, pair);
        }
        return pair;
    }

    private Pair makePair(int image) throws IOException {
        FloatImage source = images.read(image).toFloat();
        int l = settings.inputSize();
        int h = settings.sizeMax();
        int own = settings.targetSize(image, images.size());
        FloatImage target = resized(resized(source, h), own);
        if (settings.gtResize() > 0) {
            target = resized(target, settings.gtResize());
        }
        return new Pair(resized(source, l), target);
    }

    private static FloatImage resized(FloatImage img, int side) {
        return img.height() == side && img.width() == side ? img : PillowBicubic.resize(img, side, side);
    }

    @Override
    public TrainingSample sample(long index) throws IOException {
        SplittableRandom random = order.randomOf(index);
        Pair pair = pair(imageOf(index));
        FloatImage input = pair.input();
        FloatImage target = pair.target();
        if (settings.flip() && random.nextDouble() < 0.5) {
            input = Augment.apply(input, false, true, false);
            target = Augment.apply(target, false, true, false);
        }
        return ImplicitSampler.scatteredPixels(input, target, settings.sampleQueries(), Augment.CHANNEL_ORDERS[0],
                random);
    }
}
