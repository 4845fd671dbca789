package org.liifviewer.training.graph;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * The result of one forward and backward pass.
 *
 * @param loss      the training loss ({@link PixelLoss}, a mean over queries and channels)
 * @param gradients gradient of the loss per parameter, keyed like {@link LiifGraph#parameters()}
 */
public record LossAndGradients(double loss, Map<String, INDArray> gradients) {
}
