package org.liifviewer.training.graph;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A trainable model as two SameDiff graphs joined by an exact Java-side row lookup ({@link RowLookup}), because
 * M2.1's gather gradient is wrong when indices repeat.
 * <ul>
 *   <li>Table graph: normalised input (B, 3, H, W) → a table of rows (one or more per image position).</li>
 *   <li>Lookup: per plan entry ({@link QueryPlan}: query x ensemble member), the planned table row.</li>
 *   <li>Decoder graph: looked-up rows and the entry's relative inputs → one prediction per entry, times the entry's
 *   weight, summed over the members of a query; a {@link PixelLoss} (mean) against the normalised target.</li>
 * </ul>
 * Backward: decoder gradients, scatter-add of the looked-up rows' gradient into the table, then the table graph's
 * gradients for that table gradient (the table graph runs forward twice per step, unless a {@link TableBackprop}
 * computes the table and its backward pass instead). Parameter arrays are shared with the graphs: updating them in
 * place changes the model.
 */
public final class SplitGraph {

    /** Builds the table graph: {@code (B·positions, width)} rows from the normalised input. */
    @FunctionalInterface
    public interface TableStage {
        SDVariable build(SameDiff sd, SDVariable input, Function<String, SDVariable> parameter);
    }

    /**
     * Builds the decoder: one {@code (N, outDim)} prediction per entry from its rows and relative inputs. Without one
     * (null) the looked-up rows are the predictions, one member per query, and the loss's gradient is taken directly
     * (SameDiff refuses to differentiate a graph without trainable variables).
     */
    @FunctionalInterface
    public interface DecoderStage {
        /** @param relative the entries' relative inputs, or null when the plan has none */
        SDVariable build(SameDiff sd, SDVariable latent, SDVariable relative, Function<String, SDVariable> parameter);
    }

    /**
     * The table stage with its own backward pass over the activations its forward kept (the table computed once
     * per step). Used for the predictions and gradients in place of the table graph, which stays for its named
     * intermediates ({@link #tableGraphOutput}).
     */
    public interface TableBackprop {
        /** The table (B·positions, width) of a normalised input; keeps what {@link #backward} needs. */
        INDArray forward(INDArray input);

        /** Gradients by parameter name for the gradient of the last {@link #forward}'s table; frees its activations. */
        Map<String, INDArray> backward(INDArray tableGrad);
    }

    private static final String INPUT = "input";
    private static final String TABLE = "table";
    private static final String TABLE_GRAD = "table_grad";
    private static final String TABLE_LOSS = "table_loss";
    private static final String LATENT = "latent";
    private static final String RELATIVE = "relative";
    private static final String WEIGHT = "weight";
    private static final String TARGET = "target";
    private static final String OUTPUT = "output";
    private static final String LOSS = "loss";
    private static final String UPSTREAM = "upstream";
    private static final String LINEAR_LOSS = "linear_loss";

    private final Map<String, INDArray> parameters;
    private final int relativeWidth;
    private final int outDim;
    private final PixelLoss loss;
    private final boolean passThrough;
    private final TableBackprop backprop;
    private final Map<String, String> encoderVariables = new LinkedHashMap<>();
    private final Map<String, String> decoderVariables = new LinkedHashMap<>();
    private final SameDiff encoder = SameDiff.create();
    private final SameDiff decoder = SameDiff.create();
    private final GradientPass encoderGradients = new GradientPass(encoder);
    private final GradientPass decoderGradients = new GradientPass(decoder);
    /** The decoder again, its loss {@code sum(output * upstream)}: gradients for a loss computed elsewhere. */
    private final SameDiff upstreamDecoder = SameDiff.create();
    private final GradientPass upstreamGradients = new GradientPass(upstreamDecoder);

    /**
     * @param parameters    trainable arrays by name, all of one data type
     * @param tableWidth    values per table row
     * @param relativeWidth relative inputs per entry (0 for none)
     * @param members       entries per query (summed with their weights)
     * @param outDim        values per prediction
     * @param decoderStage  the decoder, or null for none
     * @param backprop      the table stage with its own backward pass, or null to differentiate the table graph
     * @param loss          the training loss
     */
    public SplitGraph(Map<String, INDArray> parameters, int tableWidth, int relativeWidth, int members, int outDim,
                      TableStage table, DecoderStage decoderStage, TableBackprop backprop, PixelLoss loss) {
        this.parameters = Collections.unmodifiableMap(parameters);
        this.loss = loss;
        this.backprop = backprop;
        this.relativeWidth = relativeWidth;
        this.outDim = outDim;
        DataType type = parameters.values().iterator().next().dataType();
        SDVariable input = encoder.placeHolder(INPUT, type, -1, 3, -1, -1);
        table.build(encoder, input, n -> variable(encoder, encoderVariables, n)).rename(TABLE);
        SDVariable tableGrad = encoder.placeHolder(TABLE_GRAD, type, -1, tableWidth);
        encoder.sum(TABLE_LOSS, encoder.getVariable(TABLE).mul(tableGrad)).markAsLoss();

        this.passThrough = decoderStage == null;
        if (passThrough && (members != 1 || tableWidth != outDim)) {
            throw new IllegalArgumentException("without a decoder the table rows must be the predictions");
        }
        SDVariable output = buildDecoder(decoder, type, tableWidth, members, decoderStage);
        loss.build(decoder, output.sub(decoder.placeHolder(TARGET, type, -1, outDim)), LOSS).markAsLoss();
        if (!passThrough) {
            SDVariable again = buildDecoder(upstreamDecoder, type, tableWidth, members, decoderStage);
            upstreamDecoder.sum(LINEAR_LOSS, again.mul(upstreamDecoder.placeHolder(UPSTREAM, type, -1, outDim)))
                    .markAsLoss();
        }
    }

    /** The decoder stage and the weighted sum over members, as {@code OUTPUT} (queries, outDim), in {@code sd}. */
    private SDVariable buildDecoder(SameDiff sd, DataType type, int tableWidth, int members,
                                    DecoderStage decoderStage) {
        SDVariable latent = sd.placeHolder(LATENT, type, -1, tableWidth);
        SDVariable relative = relativeWidth > 0 ? sd.placeHolder(RELATIVE, type, -1, relativeWidth) : null;
        SDVariable weight = sd.placeHolder(WEIGHT, type, -1, 1);
        SDVariable x = passThrough ? latent
                : decoderStage.build(sd, latent, relative, n -> variable(sd, decoderVariables, n));
        return x.mul(weight).reshape(-1, members, outDim).sum(OUTPUT, 1);
    }

    /** The trainable arrays by name; shared with the graphs. */
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /** A named variable of the table graph (e.g. an intermediate the table stage named) for {@code input}. */
    public INDArray tableGraphOutput(INDArray input, String variable) {
        return encoder.output(Map.of(INPUT, input), variable).get(variable);
    }

    /** Raw predictions (B, Q, outDim) in normalised space for a normalised input and planned queries. */
    public INDArray predict(INDArray input, QueryPlan plan) {
        INDArray table = table(input);
        RowLookup lookup = new RowLookup(plan.rows(), table.size(0));
        INDArray out = decoder.output(decoderFeeds(lookup.gather(table), plan), OUTPUT).get(OUTPUT);
        return out.reshape(plan.batch(), plan.queries(), outDim);
    }

    /** The loss against {@code target} (B·Q, outDim) and the gradient of every parameter. */
    public LossAndGradients lossAndGradients(INDArray input, QueryPlan plan, INDArray target) {
        INDArray table = table(input);
        RowLookup lookup = new RowLookup(plan.rows(), table.size(0));
        INDArray rows = lookup.gather(table);
        Map<String, INDArray> feeds = decoderFeeds(rows, plan);
        feeds.put(TARGET, target.reshape(-1, outDim).castTo(table.dataType()));
        if (passThrough) {
            return lossDirectly(input, lookup, feeds);
        }
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        Map<String, INDArray> decoded = backward(decoderGradients, LOSS, input, lookup, rows, feeds, gradients);
        return new LossAndGradients(decoded.get(LOSS).getDouble(0), gradients);
    }

    /**
     * The gradient of every parameter for a loss computed elsewhere from this model's predictions (e.g. by a
     * discriminator), given that loss's gradient by the predictions, (B·Q, outDim).
     */
    public Map<String, INDArray> gradientsFor(INDArray input, QueryPlan plan, INDArray outputGradient) {
        if (passThrough) {
            throw new IllegalStateException("a model without a decoder stage has no upstream-gradient pass");
        }
        INDArray table = table(input);
        RowLookup lookup = new RowLookup(plan.rows(), table.size(0));
        INDArray rows = lookup.gather(table);
        Map<String, INDArray> feeds = decoderFeeds(rows, plan);
        feeds.put(UPSTREAM, outputGradient.reshape(-1, outDim).castTo(table.dataType()));
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        backward(upstreamGradients, LINEAR_LOSS, input, lookup, rows, feeds, gradients);
        return gradients;
    }

    /**
     * Runs {@code pass} for its {@code lossName} and the decoder's and the table's gradients, writing every
     * parameter's gradient into {@code gradients}; returns the decoder pass's values (the loss among them).
     */
    private Map<String, INDArray> backward(GradientPass pass, String lossName, INDArray input, RowLookup lookup,
                                           INDArray rows, Map<String, INDArray> feeds,
                                           Map<String, INDArray> gradients) {
        List<String> wanted = new ArrayList<>(decoderVariables.values());
        wanted.add(LATENT);
        Map<String, INDArray> decoded = pass.run(feeds, List.of(lossName), wanted);
        INDArray rowsGrad = decoded.get(LATENT);
        INDArray tableGrad = lookup.scatterAdd(rowsGrad);
        // the step's largest arrays (B·Q·4 rows each) are freed now rather than by a later GC: left to the GC,
        // a few steps of them made the kernel compact memory for fresh pages (stalls of ~0.9 s, measured)
        rows.close();
        rowsGrad.close();
        Map<String, INDArray> encoded = tableGradients(input, tableGrad);
        tableGrad.close();
        for (String name : parameters.keySet()) {
            gradients.put(name, encoded.containsKey(name) ? encoded.get(name) : decoded.get(decoderVariables.get(name)));
        }
        return decoded;
    }

    /** Pass-through: the loss of w·row - target and its row gradient, w times the loss's gradient. */
    private LossAndGradients lossDirectly(INDArray input, RowLookup lookup, Map<String, INDArray> feeds) {
        INDArray weight = feeds.get(WEIGHT);
        INDArray difference = feeds.get(LATENT).mulColumnVector(weight).subi(feeds.get(TARGET));
        INDArray rowGrad = loss.gradient(difference).muliColumnVector(weight);
        double value = loss.value(difference);
        Map<String, INDArray> encoded = tableGradients(input, lookup.scatterAdd(rowGrad));
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        parameters.keySet().forEach(name -> gradients.put(name, encoded.get(name)));
        return new LossAndGradients(value, gradients);
    }

    private INDArray table(INDArray input) {
        return backprop != null ? backprop.forward(input) : tableGraphOutput(input, TABLE);
    }

    /** Gradients of the table stage's parameters, by parameter name, for the gradient of the last table. */
    private Map<String, INDArray> tableGradients(INDArray input, INDArray tableGrad) {
        if (backprop != null) {
            return backprop.backward(tableGrad);
        }
        Map<String, INDArray> byGraphName = encoderGradients.run(Map.of(INPUT, input, TABLE_GRAD, tableGrad),
                List.of(), encoderVariables.values());
        Map<String, INDArray> byName = new HashMap<>();
        encoderVariables.forEach((name, graphName) -> byName.put(name, byGraphName.get(graphName)));
        return byName;
    }

    private Map<String, INDArray> decoderFeeds(INDArray latent, QueryPlan plan) {
        DataType type = latent.dataType();
        Map<String, INDArray> feeds = new HashMap<>();
        feeds.put(LATENT, latent);
        if (relativeWidth > 0) {
            feeds.put(RELATIVE, Nd4j.createFromArray(plan.relative()).reshape(plan.size(), relativeWidth).castTo(type));
        }
        feeds.put(WEIGHT, Nd4j.createFromArray(plan.weights()).reshape(plan.size(), 1).castTo(type));
        return feeds;
    }

    private SDVariable variable(SameDiff sd, Map<String, String> names, String name) {
        String sdName = names.computeIfAbsent(name, n -> n.replace('.', '_').replace('@', '_'));
        if (sd.hasVariable(sdName)) {
            return sd.getVariable(sdName);
        }
        INDArray array = parameters.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        SDVariable v = sd.var(sdName, array);
        if (v.getArr() != array) {
            throw new IllegalStateException("SameDiff copied the array of " + name + ": updates would not reach the graph");
        }
        return v;
    }
}
