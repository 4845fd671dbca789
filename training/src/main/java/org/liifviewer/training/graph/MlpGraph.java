package org.liifviewer.training.graph;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.function.Function;

/** The official {@code MLP} ({@code imnet.layers.<2i>} Linear layers, ReLU between them) in a SameDiff graph. */
public final class MlpGraph {

    private MlpGraph() {
    }

    /** {@code x W^T + b} with the official (out, in) weight {@code <layer>.weight} and bias {@code <layer>.bias}. */
    public static SDVariable linear(SameDiff sd, SDVariable x, Function<String, SDVariable> parameter, String layer) {
        return addBias(sd, sd.mmul(x, parameter.apply(layer + ".weight"), false, true, false),
                parameter.apply(layer + ".bias"));
    }

    /**
     * {@code x + b} for rows {@code x} (N, C) and a bias (C), as {@code x + ones(N, 1) b^T}: the bias gradient is then a
     * GEMM. M2.1's backward of a broadcasting {@code add} or of {@code biasAdd} took ~90 ms on a 73,728 x 256 array,
     * twice the layer's weight-gradient GEMM; this form cut the decoder's op time by a fifth (measured).
     */
    public static SDVariable addBias(SameDiff sd, SDVariable x, SDVariable bias) {
        SDVariable ones = sd.onesLike(x.get(SDIndex.all(), SDIndex.interval(0, 1)));
        return x.add(sd.mmul(ones, bias.reshape(1, -1)));
    }

    /**
     * Continues an MLP from the pre-activation output of layer {@code from - 1}: ReLU then Linear
     * {@code <prefix><2i>} for i = from .. to.
     */
    public static SDVariable layers(SameDiff sd, SDVariable x, Function<String, SDVariable> parameter, String prefix,
                                    int from, int to) {
        for (int i = from; i <= to; i++) {
            x = linear(sd, relu(x), parameter, prefix + (2 * i));
        }
        return x;
    }

    /**
     * ReLU as {@code x · [x > 0]}: the same values and gradient as {@code sd.nn().relu(x, 0)}, but its backward is a
     * vectorised multiply. M2.1's ReLU backward ({@code thresholdedrelu_bp}) calls a {@code std::function} per
     * element: ~24 % of the shipped configuration's training CPU samples (perf), for two decoder layers.
     */
    static SDVariable relu(SDVariable x) {
        return x.mul(x.gt(0.0).castTo(x.dataType()));
    }
}
