package org.liifviewer.core.liif;

import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.core.model.Weights;

/**
 * The straightforward LM-LIIF decoder, as the LMF code's training path computes it: for every query and ensemble
 * member, the hyper-network on {@code [latent code, relative cell]} gives the code's modulations and compressed
 * latent {@code m}; the render MLP on {@code [m, relative coordinate, relative cell]} multiplies each hidden
 * pre-activation by {@code 1 + s}, adds {@code t} and applies ReLU. Plain double-precision loops: slow, but the
 * yardstick the fast decoder is tested against.
 */
public final class ModulatedReferenceDecoder implements QueryDecoder {

    private final LiifSpec spec;
    private final Modulation modulation;
    private final float[][][] hyper;
    private final float[][] hyperBias;
    private final float[][][] renderWeights;
    private final float[][] renderBias;

    public ModulatedReferenceDecoder(LiifSpec spec, Weights weights) throws ModelFormatException {
        this.spec = spec;
        this.modulation = spec.modulation();
        Mlp h = hypernet(spec, weights);
        Mlp r = render(spec, weights);
        this.hyper = new float[h.layers()][][];
        this.hyperBias = new float[h.layers()][];
        for (int i = 0; i < h.layers(); i++) {
            hyper[i] = h.weight(i).toFloatMatrix();
            hyperBias[i] = h.bias(i).toFloatVector();
        }
        this.renderWeights = new float[r.layers()][][];
        this.renderBias = new float[r.layers()][];
        for (int i = 0; i < r.layers(); i++) {
            renderWeights[i] = r.weight(i).toFloatMatrix();
            renderBias[i] = r.bias(i).toFloatVector();
        }
    }

    /** The hyper-network, {@code hypernet.layers.*}. */
    static Mlp hypernet(LiifSpec spec, Weights weights) throws ModelFormatException {
        return new Mlp(weights, "hypernet.layers.", spec.hypernetInDim(), spec.hidden(), spec.hypernetOutDim());
    }

    /** The render MLP, {@code imnet.layers.*}. */
    static Mlp render(LiifSpec spec, Weights weights) throws ModelFormatException {
        int[] hidden = spec.modulation().hiddenWidths();
        return new Mlp(weights, "imnet.layers.", spec.renderInDim(), hidden, spec.outDim());
    }

    @Override
    public PreparedFeatures prepare(FeatureMap features) {
        return (queries, out) -> decode(features, queries, out);
    }

    private void decode(FeatureMap features, Queries queries, float[] out) {
        int count = queries.count();
        EnsembleGeometry geo = new EnsembleGeometry(spec.localEnsemble(), count);
        geo.compute(queries.coordY(), queries.coordX(), count, features.height(), features.width());
        int outDim = spec.outDim();
        float[] pred = new float[geo.members() * count * outDim];
        float[] code = new float[spec.hypernetInDim()];
        for (int r = 0; r < geo.members() * count; r++) {
            int q = r % count;
            int pixel = geo.index[r];
            float cellY = queries.cellY()[q] * (float) features.height();
            float cellX = queries.cellX()[q] * (float) features.width();
            features.latentCode(pixel / features.width(), pixel % features.width(), spec.featUnfold(), code, 0);
            if (spec.cellDecode()) {
                code[spec.latentDim()] = cellY;
                code[spec.latentDim() + 1] = cellX;
            }
            double[] mods = mlp(hyper, hyperBias, code);
            double[] x = new double[spec.renderInDim()];
            int width = modulation.width();
            for (int j = 0; j < width; j++) {
                x[j] = mods[modulation.inputOffset() + j];
            }
            x[width] = geo.relY[r];
            x[width + 1] = geo.relX[r];
            if (spec.cellDecode()) {
                x[width + 2] = cellY;
                x[width + 3] = cellX;
            }
            for (int layer = 0; layer < modulation.depth(); layer++) {
                x = linear(renderWeights[layer], renderBias[layer], x);
                for (int j = 0; j < width; j++) {
                    double v = x[j];
                    if (modulation.scale()) {
                        v *= 1 + mods[modulation.scaleOffset(layer) + j];
                    }
                    if (modulation.shift()) {
                        v += mods[modulation.shiftOffset(layer) + j];
                    }
                    x[j] = Math.max(v, 0);
                }
            }
            double[] y = linear(renderWeights[modulation.depth()], renderBias[modulation.depth()], x);
            for (int c = 0; c < outDim; c++) {
                pred[r * outDim + c] = (float) y[c];
            }
        }
        geo.blend(pred, outDim, count, out);
    }

    private static double[] mlp(float[][][] weights, float[][] biases, float[] input) {
        double[] x = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            x[i] = input[i];
        }
        for (int l = 0; l < weights.length; l++) {
            x = linear(weights[l], biases[l], x);
            if (l < weights.length - 1) {
                for (int j = 0; j < x.length; j++) {
                    x[j] = Math.max(x[j], 0);
                }
            }
        }
        return x;
    }

    /** {@code x W + b} for an (in, out) weight. */
    private static double[] linear(float[][] weight, float[] bias, double[] x) {
        double[] y = new double[bias.length];
        for (int j = 0; j < y.length; j++) {
            double v = bias[j];
            for (int i = 0; i < x.length; i++) {
                v += x[i] * weight[i][j];
            }
            y[j] = v;
        }
        return y;
    }
}
