package org.liifviewer.training.graph;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.function.Function;

/** The official {@code MLP} ({@code imnet.layers.<2i>} Linear layers, ReLU between them) in a SameDiff graph. */
public final class MlpGraph {

    private MlpGraph() {
    }

    /** {@code x W^T + b} with the official (out, in) weight {@code <layer>.weight} and bias {@code <layer>.bias}. */
    public static SDVariable linear(SameDiff sd, SDVariable x, Function<String, SDVariable> parameter, String layer) {
        return sd.mmul(x, parameter.apply(layer + ".weight"), false, true, false).add(parameter.apply(layer + ".bias"));
    }

    /**
     * Continues an MLP from the pre-activation output of layer {@code from - 1}: ReLU then Linear
     * {@code <prefix><2i>} for i = from .. to.
     */
    public static SDVariable layers(SameDiff sd, SDVariable x, Function<String, SDVariable> parameter, String prefix,
                                    int from, int to) {
        for (int i = from; i <= to; i++) {
            x = linear(sd, sd.nn().relu(x, 0), parameter, prefix + (2 * i));
        }
        return x;
    }
}
