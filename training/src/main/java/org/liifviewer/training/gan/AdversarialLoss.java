package org.liifviewer.training.gan;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The generator's adversarial term, on the discriminator's logits {@code l} of generated patches (D = sigmoid(l)).
 * The discriminator itself always minimises {@code -log D(real) - log(1 - D(fake))}, the paper's eq. (2) and (5).
 */
public enum AdversarialLoss {

    /** {@code log(1 - D(fake))}, minimised: the paper's equations as written (Goodfellow et al.'s minimax game). */
    @JsonProperty("minimax")
    MINIMAX,

    /**
     * {@code -log D(fake)}, minimised: the same fixed point with strong gradients while the discriminator still wins
     * easily (Goodfellow et al. 2014, section 3), which it does at the start of a fine-tune.
     */
    @JsonProperty("non-saturating")
    NON_SATURATING;

    /** The term's mean over all logits, as a graph variable. */
    SDVariable build(SameDiff sd, SDVariable fakeLogits) {
        // log(1 - sigmoid(l)) = -softplus(l); -log(sigmoid(l)) = softplus(-l)
        return this == MINIMAX ? sd.nn().softplus(fakeLogits).mean().neg()
                : sd.nn().softplus(fakeLogits.neg()).mean();
    }
}
