package org.liifviewer.training.graph;

import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Modulation;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.function.Function;

/**
 * LM-LIIF's decoder in a SameDiff graph, per query and ensemble member, as the LMF code's training path: the looked-up
 * row is the latent code's hyper-network projection; adding the cell's columns and the bias, ReLU and the remaining
 * hyper-network layers give the code's modulations and compressed latent; the render MLP reads
 * {@code [compressed latent, relative coordinate, relative cell]}, and after each hidden Linear layer scales by
 * {@code 1 + s}, shifts by {@code t}, then applies ReLU.
 */
final class ModulatedDecoderStage {

    private final LiifSpec spec;
    private final Modulation modulation;

    ModulatedDecoderStage(LiifSpec spec) {
        this.spec = spec;
        this.modulation = spec.modulation();
    }

    /** The decoder's predictions (N, outDim) for looked-up projections (N, hidden0) and relative inputs (N, 4). */
    SDVariable build(SameDiff sd, SDVariable latent, SDVariable relative, Function<String, SDVariable> parameter) {
        SDVariable cell = columns(relative, 2, 4);
        SDVariable h = MlpGraph.addBias(sd, latent.add(sd.mmul(cell,
                parameter.apply(ParameterLayout.FIRST_LAYER_RELATIVE), false, true, false)),
                parameter.apply("hypernet.layers.0.bias"));
        SDVariable mods = MlpGraph.layers(sd, h, parameter, "hypernet.layers.", 1, spec.hidden().length);
        int width = modulation.width();
        SDVariable input = columns(mods, modulation.inputOffset(), modulation.inputOffset() + width);
        SDVariable x = MlpGraph.linear(sd, sd.concat(1, input, relative), parameter, "imnet.layers.0");
        for (int layer = 0; layer < modulation.depth(); layer++) {
            if (layer > 0) {
                x = MlpGraph.linear(sd, MlpGraph.relu(x), parameter, "imnet.layers." + 2 * layer);
            }
            if (modulation.scale()) {
                int s = modulation.scaleOffset(layer);
                x = x.mul(columns(mods, s, s + width).add(1.0));
            }
            if (modulation.shift()) {
                int t = modulation.shiftOffset(layer);
                x = x.add(columns(mods, t, t + width));
            }
        }
        return MlpGraph.linear(sd, MlpGraph.relu(x), parameter, "imnet.layers." + 2 * modulation.depth());
    }

    private static SDVariable columns(SDVariable x, int from, int to) {
        return x.get(SDIndex.all(), SDIndex.interval(from, to));
    }
}
