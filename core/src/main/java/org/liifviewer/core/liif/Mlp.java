package org.liifviewer.core.liif;

import java.util.ArrayList;
import java.util.List;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The official {@code MLP}: Linear + ReLU per hidden width, then a final Linear, no output activation. LIIF's decoder
 * ({@code imnet}) and LM-LIIF's hyper-network ({@code hypernet}).
 */
public final class Mlp {

    /** Weights transposed to (in, out), so that {@code y = x W + b} on row-major batches. */
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> biases = new ArrayList<>();

    /** Reads LIIF's MLP, {@code imnet.layers.{2i}.weight/bias}, with the shapes the spec demands. */
    public Mlp(LiifSpec spec, Weights w) throws ModelFormatException {
        this(w, "imnet.layers.", spec.mlpInDim(), spec.hidden(), spec.outDim());
    }

    /** Reads {@code <prefix>{2i}.weight/bias} for widths {@code in → hidden... → out}. */
    public Mlp(Weights w, String prefix, int in, int[] widths, int outDim) throws ModelFormatException {
        for (int i = 0; i <= widths.length; i++) {
            int out = i < widths.length ? widths[i] : outDim;
            Tensor wt = w.get(prefix + 2 * i + ".weight", out, in);
            Tensor bt = w.get(prefix + 2 * i + ".bias", out);
            weights.add(Nd4j.create(wt.data(), new long[] {out, in}, 'c').transpose().dup('c'));
            biases.add(Nd4j.create(bt.data(), new long[] {1, out}, 'c'));
            in = out;
        }
    }

    /** Number of linear layers. */
    public int layers() {
        return weights.size();
    }

    /** Weight of layer {@code i}, shape (in, out). */
    public INDArray weight(int i) {
        return weights.get(i);
    }

    /** Bias of layer {@code i}, shape (1, out). */
    public INDArray bias(int i) {
        return biases.get(i);
    }

    /** Runs the whole MLP on a (N, in) batch. */
    public INDArray forward(INDArray x) {
        return forwardFrom(0, x);
    }

    /**
     * Runs the layers starting at {@code first} on {@code x}; when {@code first > 0}, {@code x} is the
     * pre-activation of layer {@code first - 1} and gets its ReLU first.
     */
    public INDArray forwardFrom(int first, INDArray x) {
        INDArray h = first > 0 ? Transforms.relu(x, false) : x;
        for (int i = first; i < weights.size(); i++) {
            h = h.mmul(weights.get(i)).addiRowVector(biases.get(i));
            if (i < weights.size() - 1) {
                Transforms.relu(h, false);
            }
        }
        return h;
    }
}
