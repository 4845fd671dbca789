package org.liifviewer.training.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The training loss between predictions and targets (normalised values), a mean over all values. The paper trains
 * with {@link #L1}; {@link #L2} is the loss PSNR measures (PSNR is a log of the mean squared error), for a last
 * stage of fine-tuning a model trained with L1 (L1 fits each pixel's median, L2 its mean).
 */
public enum PixelLoss {

    /** Mean absolute error (the paper's loss). */
    @JsonProperty("l1")
    L1,

    /** Mean squared error. */
    @JsonProperty("l2")
    L2;

    /** The loss of {@code difference} = prediction - target, as a graph variable called {@code name}. */
    SDVariable build(SameDiff sd, SDVariable difference, String name) {
        return this == L1 ? sd.math().abs(difference).mean(name) : sd.math().square(difference).mean(name);
    }

    /** The loss of {@code difference} = prediction - target. */
    double value(INDArray difference) {
        INDArray pointwise = this == L1 ? Transforms.abs(difference, true) : Transforms.pow(difference, 2, true);
        return pointwise.meanNumber().doubleValue();
    }

    /** The loss's gradient with respect to {@code difference}, a new array. */
    INDArray gradient(INDArray difference) {
        INDArray pointwise = this == L1 ? Transforms.sign(difference, true) : difference.mul(2);
        return pointwise.divi(difference.length());
    }
}
