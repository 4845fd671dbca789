package org.liifviewer.training.graph;

import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trainable tensors of a model under their official state_dict names and shapes, and the mapping to the
 * graph's own tensors. For LIIF ({@link #of}) the graph differs in one place: the first MLP weight
 * {@code imnet.layers.0.weight} (hidden0 x in_dim) is held as two tensors, its latent-code columns
 * {@link #FIRST_LAYER_LATENT} (applied to every feature-map position before the lookup) and its
 * relative-coordinate/cell columns {@link #FIRST_LAYER_RELATIVE}; for LM-LIIF the same holds for the
 * hyper-network's first weight {@code hypernet.layers.0.weight} (its latent-code and cell columns). Other models
 * ({@link #plain}) keep every tensor.
 * EDSR's unused mean-shift convolutions are not trainable; {@link #toWeights} adds their fixed values.
 */
public final class ParameterLayout {

    /** Graph name of the latent-code columns of the split first-layer weight. */
    public static final String FIRST_LAYER_LATENT = "first_layer@latent";
    /** Graph name of the other (relative coordinate and cell) columns of the split first-layer weight. */
    public static final String FIRST_LAYER_RELATIVE = "first_layer@relative";

    private static final float[] RGB_MEAN = {0.4488f, 0.4371f, 0.4040f};

    /** One official tensor: name, shape and the fan-in PyTorch's default initialisation uses. */
    public record Entry(String name, long[] shape, long fanIn) {
    }

    private final List<Entry> entries;
    private final String splitLayer;
    private final int latentColumns;
    private final String meanShiftPrefix;

    /**
     * @param splitLayer      official name of the weight held as {@link #FIRST_LAYER_LATENT} and
     *                        {@link #FIRST_LAYER_RELATIVE}, or null for no split
     * @param latentColumns   its columns held as {@link #FIRST_LAYER_LATENT}
     * @param meanShiftPrefix prefix of EDSR's {@code sub_mean}/{@code add_mean} tensors, or null for none
     */
    private ParameterLayout(List<Entry> entries, String splitLayer, int latentColumns, String meanShiftPrefix) {
        this.entries = List.copyOf(entries);
        this.splitLayer = splitLayer;
        this.latentColumns = latentColumns;
        this.meanShiftPrefix = meanShiftPrefix;
    }

    /** A layout whose graph tensors are exactly {@code entries}, plus EDSR mean-shift tensors under the prefix. */
    public static ParameterLayout plain(List<Entry> entries, String meanShiftPrefix) {
        return new ParameterLayout(entries, null, -1, meanShiftPrefix);
    }

    /** The layout of {@code spec}, in official (or LMF) state_dict order (mean-shift buffers excluded). */
    public static ParameterLayout of(LiifSpec spec) {
        List<Entry> list = new ArrayList<>();
        addEncoder(list, spec.encoder(), "encoder.");
        String split;
        if (spec.modulated()) {
            addMlp(list, "hypernet.layers.", spec.hypernetInDim(), spec.hidden(), spec.hypernetOutDim());
            int[] render = spec.modulation().hiddenWidths();
            addMlp(list, "imnet.layers.", spec.renderInDim(), render, spec.outDim());
            split = "hypernet.layers.0.weight";
        } else {
            addMlp(list, "imnet.layers.", spec.mlpInDim(), spec.hidden(), spec.outDim());
            split = "imnet.layers.0.weight";
        }
        return new ParameterLayout(list, split, spec.latentDim(),
                spec.encoder() instanceof EncoderSpec.Edsr ? "encoder." : null);
    }

    /** Appends the tensors of an EDSR (no up-sampler) or RDN encoder, names prefixed by {@code prefix}. */
    public static void addEncoder(List<Entry> list, EncoderSpec encoder, String prefix) {
        if (encoder instanceof EncoderSpec.Edsr e) {
            addConv(list, prefix + "head.0", 3, e.nFeats(), 3);
            for (int i = 0; i < e.nResblocks(); i++) {
                addConv(list, prefix + "body." + i + ".body.0", e.nFeats(), e.nFeats(), 3);
                addConv(list, prefix + "body." + i + ".body.2", e.nFeats(), e.nFeats(), 3);
            }
            addConv(list, prefix + "body." + e.nResblocks(), e.nFeats(), e.nFeats(), 3);
        } else if (encoder instanceof EncoderSpec.Rdn r) {
            addConv(list, prefix + "SFENet1", 3, r.g0(), 3);
            addConv(list, prefix + "SFENet2", r.g0(), r.g0(), 3);
            for (int i = 0; i < r.d(); i++) {
                for (int c = 0; c < r.c(); c++) {
                    addConv(list, prefix + "RDBs." + i + ".convs." + c + ".conv.0", r.g0() + c * r.g(), r.g(), 3);
                }
                addConv(list, prefix + "RDBs." + i + ".LFF", r.g0() + r.c() * r.g(), r.g0(), 1);
            }
            addConv(list, prefix + "GFF.0", r.d() * r.g0(), r.g0(), 1);
            addConv(list, prefix + "GFF.1", r.g0(), r.g0(), 3);
        }
    }

    /** Appends an official {@code MLP}: Linear layers {@code <prefix><2i>}, in → hidden... → out. */
    public static void addMlp(List<Entry> list, String prefix, int in, int[] hidden, int out) {
        for (int i = 0; i <= hidden.length; i++) {
            int width = i < hidden.length ? hidden[i] : out;
            String layer = prefix + (2 * i);
            list.add(new Entry(layer + ".weight", new long[]{width, in}, in));
            list.add(new Entry(layer + ".bias", new long[]{width}, in));
            in = width;
        }
    }

    /** Appends a k x k {@code Conv2d} with bias: {@code <prefix>.weight} (out, in, k, k) and {@code <prefix>.bias}. */
    public static void addConv(List<Entry> list, String prefix, int in, int out, int k) {
        long fanIn = (long) in * k * k;
        list.add(new Entry(prefix + ".weight", new long[]{out, in, k, k}, fanIn));
        list.add(new Entry(prefix + ".bias", new long[]{out}, fanIn));
    }

    /**
     * Fresh weights as PyTorch initialises {@code Conv2d} and {@code Linear} by default: every value uniform in
     * +-1/sqrt(fan_in), drawn from one stream seeded with {@code seed}, in state_dict order.
     */
    public Weights initialWeights(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> official = new LinkedHashMap<>();
        for (Entry e : entries) {
            float[] data = new float[Math.toIntExact(Tensor.numel(e.shape()))];
            double bound = 1.0 / Math.sqrt(e.fanIn());
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextDouble(-bound, bound);
            }
            official.put(e.name(), new Tensor(e.shape(), data));
        }
        return new Weights(official);
    }

    /** {@link #initialWeights} as graph tensors in {@code dtype}. */
    public Map<String, INDArray> initialGraph(long seed, DataType dtype) {
        try {
            return toGraph(initialWeights(seed), dtype);
        } catch (ModelFormatException e) {
            throw new IllegalStateException("layout rejected its own weights", e);
        }
    }

    /** The official tensors, in state_dict order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Converts official tensors (weights, or optimizer moments of the same shapes) to the graph's tensors in
     * {@code dtype}; unknown names (e.g. the mean-shift buffers) are ignored, missing or misshaped ones rejected.
     */
    public Map<String, INDArray> toGraph(Weights weights, DataType dtype) throws ModelFormatException {
        Map<String, INDArray> graph = new LinkedHashMap<>();
        for (Entry e : entries) {
            Tensor t = weights.get(e.name(), e.shape());
            // a fresh array, not a view: SameDiff copies views, which would detach the graph from in-place updates
            INDArray arr = Nd4j.createFromArray(t.data()).reshape('c', e.shape()).castTo(dtype).dup('c');
            if (isSplit(e)) {
                graph.put(FIRST_LAYER_LATENT,
                        arr.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentColumns)).dup('c'));
                graph.put(FIRST_LAYER_RELATIVE,
                        arr.get(NDArrayIndex.all(), NDArrayIndex.interval(latentColumns, arr.size(1))).dup('c'));
            } else {
                graph.put(e.name(), arr);
            }
        }
        return graph;
    }

    /**
     * Converts graph tensors back to official float32 tensors, plus EDSR's fixed mean-shift tensors so that the
     * official code (and the model-file check) accepts the result.
     */
    public Weights toWeights(Map<String, INDArray> graph) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (meanShiftPrefix != null) {
            putMeanShift(out, meanShiftPrefix + "sub_mean", -1);
            putMeanShift(out, meanShiftPrefix + "add_mean", 1);
        }
        for (Entry e : entries) {
            INDArray arr = isSplit(e)
                    ? Nd4j.concat(1, graph.get(FIRST_LAYER_LATENT), graph.get(FIRST_LAYER_RELATIVE))
                    : graph.get(e.name());
            out.put(e.name(), new Tensor(e.shape(), arr.castTo(DataType.FLOAT).dup('c').data().asFloat()));
        }
        return new Weights(out);
    }

    private boolean isSplit(Entry e) {
        return e.name().equals(splitLayer);
    }

    private static void putMeanShift(Map<String, Tensor> out, String prefix, int sign) {
        float[] eye = new float[9];
        float[] bias = new float[3];
        for (int c = 0; c < 3; c++) {
            eye[c * 4] = 1f;
            bias[c] = sign * RGB_MEAN[c];
        }
        out.put(prefix + ".weight", new Tensor(new long[]{3, 3, 1, 1}, eye));
        out.put(prefix + ".bias", new Tensor(new long[]{3}, bias));
    }
}
