package org.liifviewer.training.graph;

import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trainable LIIF model as two SameDiff graphs joined by an exact row lookup.
 * <ul>
 *   <li>Encoder graph: normalised input (B, 3, H, W) → features → (3x3 unfold) → one latent code per feature-map
 *   position → times the latent columns of the first MLP layer: a table of (B·H·W, hidden0) rows.</li>
 *   <li>Lookup ({@link RowLookup}): per query and ensemble member, the table row chosen by {@link QueryPlan}.</li>
 *   <li>Decoder graph: looked-up rows + relative coordinate/cell times the remaining first-layer columns + bias,
 *   ReLU, the other MLP layers, area-weighted sum over members, L1 loss (mean) against the normalised target.</li>
 * </ul>
 * Projecting before the lookup is the same linear map as LIIF's concat-then-Linear, done once per feature position
 * instead of once per query and member. Backward: decoder gradients, scatter-add of the looked-up rows' gradient into
 * the table, then the encoder graph's gradients for that table gradient (the encoder runs forward twice per step).
 * Parameter arrays are shared with the graphs: updating them in place changes the model.
 */
public final class LiifGraph {

    private static final String INPUT = "input";
    private static final String FEATURES = "features";
    private static final String TABLE = "table";
    private static final String TABLE_GRAD = "table_grad";
    private static final String TABLE_LOSS = "table_loss";
    private static final String LATENT = "latent";
    private static final String RELATIVE = "relative";
    private static final String WEIGHT = "weight";
    private static final String TARGET = "target";
    private static final String OUTPUT = "output";
    private static final String LOSS = "loss";

    private final LiifSpec spec;
    private final ParameterLayout layout;
    private final Map<String, INDArray> parameters;
    private final Map<String, String> encoderVariables = new LinkedHashMap<>();
    private final Map<String, String> decoderVariables = new LinkedHashMap<>();
    /** Largest array cache of one SameDiff session (see {@link #boundArrayCaches}). */
    private static final long ARRAY_CACHE_BYTES = 512L << 20;

    private final SameDiff encoder = SameDiff.create();
    private final SameDiff decoder = SameDiff.create();

    private LiifGraph(LiifSpec spec, ParameterLayout layout, Map<String, INDArray> parameters) {
        this.spec = spec;
        this.layout = layout;
        this.parameters = Collections.unmodifiableMap(parameters);
        buildEncoder();
        buildDecoder();
    }

    /** A graph holding {@code weights} (official names and layouts) as {@code dtype} parameters. */
    public static LiifGraph fromWeights(LiifSpec spec, Weights weights, DataType dtype) throws ModelFormatException {
        ParameterLayout layout = ParameterLayout.of(spec);
        return new LiifGraph(spec, layout, layout.toGraph(weights, dtype));
    }

    /** A graph with PyTorch's default initialisation, drawn from {@code seed}. */
    public static LiifGraph initialised(LiifSpec spec, long seed, DataType dtype) {
        ParameterLayout layout = ParameterLayout.of(spec);
        try {
            return new LiifGraph(spec, layout, layout.toGraph(layout.initialWeights(seed), dtype));
        } catch (ModelFormatException e) {
            throw new IllegalStateException("layout rejected its own weights", e);
        }
    }

    public LiifSpec spec() {
        return spec;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The trainable arrays by graph name (see {@link ParameterLayout}); shared with the graphs. */
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /** The current parameters as official float32 weights, mean-shift buffers included. */
    public Weights toWeights() {
        return layout.toWeights(parameters);
    }

    /** The encoder's feature map (B, C, H, W) of a normalised input (B, 3, H, W). */
    public INDArray features(INDArray input) {
        return encoder.output(Map.of(INPUT, input), FEATURES).get(FEATURES);
    }

    /** Raw predictions (B, Q, outDim) in normalised space for a normalised input and planned queries. */
    public INDArray predict(INDArray input, QueryPlan plan) {
        INDArray table = table(input);
        RowLookup lookup = new RowLookup(plan.rows(), table.size(0));
        Map<String, INDArray> feeds = decoderFeeds(lookup.gather(table), plan);
        INDArray out = decoder.output(feeds, OUTPUT).get(OUTPUT);
        return out.reshape(plan.batch(), plan.queries(), spec.outDim());
    }

    /** L1 loss (mean) against {@code target} (B·Q, outDim) and the gradient of every parameter (by graph name). */
    public LossAndGradients lossAndGradients(INDArray input, QueryPlan plan, INDArray target) {
        INDArray table = table(input);
        RowLookup lookup = new RowLookup(plan.rows(), table.size(0));
        Map<String, INDArray> feeds = decoderFeeds(lookup.gather(table), plan);
        feeds.put(TARGET, target.reshape(-1, spec.outDim()).castTo(table.dataType()));
        List<String> wanted = new ArrayList<>(decoderVariables.values());
        wanted.add(LATENT);
        OutAndGrad decoded = decoder.calculateGradientsAndOutputs(feeds, List.of(LOSS), wanted);
        INDArray tableGrad = lookup.scatterAdd(decoded.getGradients().get(LATENT));
        Map<String, INDArray> encoded = encoder.calculateGradients(
                Map.of(INPUT, input, TABLE_GRAD, tableGrad), new ArrayList<>(encoderVariables.values()));
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        for (String name : parameters.keySet()) {
            String encoderName = encoderVariables.get(name);
            gradients.put(name, encoderName != null ? encoded.get(encoderName)
                    : decoded.getGradients().get(decoderVariables.get(name)));
        }
        LossAndGradients result = new LossAndGradients(decoded.getOutputs().get(LOSS).getDouble(0), gradients);
        boundArrayCaches();
        return result;
    }

    /**
     * SameDiff sessions recycle released arrays through an {@link ArrayCacheMemoryMgr} allowed to hold most of
     * the machine's memory; with the trainer's per-step shapes it grew by ~140 MB per iteration until the
     * process hit the physical-memory cap. Bound every session's cache.
     */
    private void boundArrayCaches() {
        for (SameDiff sd : new SameDiff[] {encoder, decoder}) {
            for (InferenceSession session : sd.getSessions().values()) {
                if (session.getMmgr() instanceof ArrayCacheMemoryMgr cache && cache.getMaxCacheBytes() > ARRAY_CACHE_BYTES) {
                    cache.setMaxCacheBytes(ARRAY_CACHE_BYTES);
                }
            }
        }
    }

    private INDArray table(INDArray input) {
        return encoder.output(Map.of(INPUT, input), TABLE).get(TABLE);
    }

    private Map<String, INDArray> decoderFeeds(INDArray latent, QueryPlan plan) {
        DataType type = latent.dataType();
        Map<String, INDArray> feeds = new HashMap<>();
        feeds.put(LATENT, latent);
        feeds.put(RELATIVE, Nd4j.createFromArray(plan.relative()).reshape(plan.size(), plan.relativeWidth()).castTo(type));
        feeds.put(WEIGHT, Nd4j.createFromArray(plan.weights()).reshape(plan.size(), 1).castTo(type));
        return feeds;
    }

    private SDVariable variable(SameDiff sd, Map<String, String> names, String name) {
        String sdName = names.computeIfAbsent(name, n -> n.replace('.', '_').replace('@', '_'));
        if (sd.hasVariable(sdName)) {
            return sd.getVariable(sdName);
        }
        SDVariable v = sd.var(sdName, parameters.get(name));
        if (v.getArr() != parameters.get(name)) {
            throw new IllegalStateException("SameDiff copied the array of " + name + ": updates would not reach the graph");
        }
        return v;
    }

    private void buildEncoder() {
        DataType type = parameters.get(ParameterLayout.FIRST_LAYER_LATENT).dataType();
        SDVariable input = encoder.placeHolder(INPUT, type, -1, 3, -1, -1);
        SDVariable features = new EncoderGraphBuilder(encoder, n -> variable(encoder, encoderVariables, n))
                .build(spec.encoder(), input).rename(FEATURES);
        SDVariable codes;
        if (spec.featUnfold()) {
            Conv2DConfig unfold = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1).build();
            // (B, C, 3, 3, H, W) -> (B, H, W, C, 3, 3): latent channel c*9 + ky*3 + kx as F.unfold
            codes = encoder.cnn().im2Col(features, unfold).permute(0, 4, 5, 1, 2, 3);
        } else {
            codes = features.permute(0, 2, 3, 1);
        }
        SDVariable rows = codes.reshape(-1, spec.latentDim());
        SDVariable firstLayer = variable(encoder, encoderVariables, ParameterLayout.FIRST_LAYER_LATENT);
        SDVariable table = encoder.mmul(TABLE, rows, firstLayer, false, true, false);
        SDVariable tableGrad = encoder.placeHolder(TABLE_GRAD, type, -1, spec.hidden()[0]);
        encoder.sum(TABLE_LOSS, table.mul(tableGrad)).markAsLoss();
    }

    private void buildDecoder() {
        DataType type = parameters.get(ParameterLayout.FIRST_LAYER_RELATIVE).dataType();
        int[] hidden = spec.hidden();
        SDVariable latent = decoder.placeHolder(LATENT, type, -1, hidden[0]);
        SDVariable relative = decoder.placeHolder(RELATIVE, type, -1, spec.mlpInDim() - spec.latentDim());
        SDVariable weight = decoder.placeHolder(WEIGHT, type, -1, 1);
        SDVariable target = decoder.placeHolder(TARGET, type, -1, spec.outDim());
        SDVariable x = latent.add(decoder.mmul(relative,
                variable(decoder, decoderVariables, ParameterLayout.FIRST_LAYER_RELATIVE), false, true, false))
                .add(variable(decoder, decoderVariables, "imnet.layers.0.bias"));
        for (int i = 1; i <= hidden.length; i++) {
            x = decoder.nn().relu(x, 0);
            String layer = "imnet.layers." + (2 * i);
            x = decoder.mmul(x, variable(decoder, decoderVariables, layer + ".weight"), false, true, false)
                    .add(variable(decoder, decoderVariables, layer + ".bias"));
        }
        int members = spec.localEnsemble() ? 4 : 1;
        SDVariable output = x.mul(weight).reshape(-1, members, spec.outDim()).sum(OUTPUT, 1);
        decoder.math().abs(output.sub(target)).mean(LOSS).markAsLoss();
    }
}
