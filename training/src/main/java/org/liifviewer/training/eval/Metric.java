package org.liifviewer.training.eval;

import java.util.function.ToDoubleFunction;

/** A per-image score that an evaluation averages. */
public enum Metric {
    /** Y-channel (or RGB) PSNR in dB. */
    PSNR(ImageScore::psnr),
    /** SSIM on Y. */
    SSIM(ImageScore::ssim),
    /** Mean Sobel gradient magnitude of the output's Y over the ground truth's. */
    GRADIENT_RATIO(ImageScore::gradientRatio),
    /** LPIPS distance (NaN when not measured). */
    LPIPS(ImageScore::lpips);

    private final ToDoubleFunction<ImageScore> value;

    Metric(ToDoubleFunction<ImageScore> value) {
        this.value = value;
    }

    /** This metric's value in {@code score}. */
    public double of(ImageScore score) {
        return value.applyAsDouble(score);
    }
}
