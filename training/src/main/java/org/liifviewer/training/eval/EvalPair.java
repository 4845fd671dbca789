package org.liifviewer.training.eval;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.PillowBicubic;

/**
 * One test-time input/target pair as LIIF's {@code test.py} builds it.
 *
 * @param lr     the low-resolution input
 * @param hr     the ground truth: the HR image cropped top-left to the size every method must output
 * @param source where {@code lr} came from
 */
public record EvalPair(FloatImage lr, FloatImage hr, LrSource source) {

    /**
     * {@code sr-implicit-paired}: a provided LR file; the HR is cropped top-left to LR size × {@code scale}.
     *
     * @throws IllegalArgumentException when the HR is smaller than LR size × scale
     */
    public static EvalPair paired(FloatImage hr, FloatImage lr, int scale) {
        long h = (long) lr.height() * scale;
        long w = (long) lr.width() * scale;
        if (h > hr.height() || w > hr.width()) {
            throw new IllegalArgumentException("LR " + lr.width() + "x" + lr.height() + " times " + scale
                    + " exceeds the HR " + hr.width() + "x" + hr.height() + ": not an x" + scale + " pair");
        }
        return new EvalPair(lr, hr.crop(0, 0, (int) h, (int) w), LrSource.FILE);
    }

    /**
     * {@code sr-implicit-downsampled} with scale_min = scale: LR side {@code floor(side / scale + 1e-9)}, HR
     * cropped top-left to {@code round(lr side * scale)}, LR = Pillow bicubic {@code resize_fn} of that crop.
     *
     * @throws IllegalArgumentException when the HR has fewer than {@code scale} pixels on a side
     */
    public static EvalPair downsampled(FloatImage hr, int scale) {
        int lrH = lrSide(hr.height(), scale);
        int lrW = lrSide(hr.width(), scale);
        if (lrH == 0 || lrW == 0) {
            throw new IllegalArgumentException("HR " + hr.width() + "x" + hr.height() + " is too small for x" + scale);
        }
        FloatImage crop = hr.crop(0, 0, (int) Math.round(lrH * (double) scale), (int) Math.round(lrW * (double) scale));
        return new EvalPair(PillowBicubic.resize(crop, lrH, lrW), crop, LrSource.GENERATED);
    }

    /**
     * The whole-image task of the paper's Table 5 (official {@code paired-image-folders} of the L and H folders): the
     * square image Pillow-bicubic resized to {@code inputSize} as the input and to {@code inputSize x scale} as the
     * ground truth, both rounded to 8 bits as stored folders are.
     *
     * @throws IllegalArgumentException when the image is not square or is smaller than the ground truth
     */
    public static EvalPair whole(FloatImage image, int inputSize, int scale) {
        int side = inputSize * scale;
        if (image.height() != image.width()) {
            throw new IllegalArgumentException(image.width() + "x" + image.height()
                    + " is not square; the whole-image protocol needs square images");
        }
        if (image.height() < side) {
            throw new IllegalArgumentException(image.width() + "x" + image.height() + " is smaller than the "
                    + side + "x" + side + " ground truth");
        }
        return new EvalPair(PillowBicubic.resize(image, inputSize, inputSize), resized(image, side), LrSource.RESIZED);
    }

    private static FloatImage resized(FloatImage image, int side) {
        return image.height() == side ? image : PillowBicubic.resize(image, side, side);
    }

    private static int lrSide(int hrSide, int scale) {
        return (int) Math.floor(hrSide / (double) scale + 1e-9);
    }
}
