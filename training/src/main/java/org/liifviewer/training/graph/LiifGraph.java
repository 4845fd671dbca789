package org.liifviewer.training.graph;

import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A trainable LIIF model as a {@link SplitGraph}:
 * <ul>
 *   <li>Table: normalised input (B, 3, H, W) → features → (3x3 unfold) → one latent code per feature-map
 *   position → times the latent columns of the first MLP layer: a table of (B·H·W, hidden0) rows.</li>
 *   <li>Lookup: per query and ensemble member, the table row chosen by {@link QueryPlan}.</li>
 *   <li>Decoder: looked-up rows + relative coordinate/cell times the remaining first-layer columns + bias,
 *   ReLU, the other MLP layers; the area-weighted sum over members is the split graph's.</li>
 * </ul>
 * Projecting before the lookup is the same linear map as LIIF's concat-then-Linear, done once per feature position
 * instead of once per query and member. For LM-LIIF the table holds the hyper-network's first-layer projections and
 * the decoder is {@link ModulatedDecoderStage}. With an EDSR encoder and feature unfolding the table stage runs as
 * {@link EdsrTableBackprop} (one encoder forward per step); the table graph then only serves {@link #features}.
 */
public final class LiifGraph implements LaidOutGraph {

    private static final String FEATURES = "features";

    private final LiifSpec spec;
    private final ParameterLayout layout;
    private final SplitGraph graph;
    /**
     * Replaces the encoder's gradients when it is frozen and its table graph is differentiated by SameDiff (without
     * feature unfolding or with an RDN encoder; {@link EdsrTableBackprop} skips the encoder's backward pass instead).
     */
    private final Map<String, INDArray> frozenEncoderGradients;

    private LiifGraph(LiifSpec spec, ParameterLayout layout, Map<String, INDArray> parameters, PixelLoss loss,
                      boolean frozenEncoder) {
        this.spec = spec;
        this.layout = layout;
        boolean ownBackprop = spec.encoder() instanceof EncoderSpec.Edsr && spec.featUnfold();
        this.graph = new SplitGraph(parameters, spec.hidden()[0], spec.cellDecode() ? 4 : 2,
                spec.localEnsemble() ? 4 : 1, spec.outDim(), this::buildTable,
                spec.modulated() ? new ModulatedDecoderStage(spec)::build : this::buildDecoder,
                ownBackprop ? new EdsrTableBackprop((EncoderSpec.Edsr) spec.encoder(), parameters, frozenEncoder)
                        : null, loss);
        this.frozenEncoderGradients = frozenEncoder && !ownBackprop
                ? EdsrTableBackprop.zerosOfEncoder(parameters) : Map.of();
    }

    /** A graph holding {@code weights} (official names and layouts) as {@code dtype} parameters. */
    public static LiifGraph fromWeights(LiifSpec spec, Weights weights, DataType dtype, PixelLoss loss)
            throws ModelFormatException {
        return fromWeights(spec, weights, dtype, loss, false);
    }

    /**
     * A graph holding {@code weights} as {@code dtype} parameters; a frozen encoder gets zero gradients and no
     * backward pass.
     */
    public static LiifGraph fromWeights(LiifSpec spec, Weights weights, DataType dtype, PixelLoss loss,
                                        boolean frozenEncoder) throws ModelFormatException {
        ParameterLayout layout = ParameterLayout.of(spec);
        return new LiifGraph(spec, layout, layout.toGraph(weights, dtype), loss, frozenEncoder);
    }

    /** A graph with PyTorch's default initialisation, drawn from {@code seed}. */
    public static LiifGraph initialised(LiifSpec spec, long seed, DataType dtype, PixelLoss loss) {
        ParameterLayout layout = ParameterLayout.of(spec);
        return new LiifGraph(spec, layout, layout.initialGraph(seed, dtype), loss, false);
    }

    public LiifSpec spec() {
        return spec;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    /** The trainable arrays by graph name (see {@link ParameterLayout}); shared with the graphs. */
    @Override
    public Map<String, INDArray> parameters() {
        return graph.parameters();
    }

    /** The current parameters as official float32 weights, mean-shift buffers included. */
    public Weights toWeights() {
        return layout.toWeights(parameters());
    }

    @Override
    public void save(Path file, Map<String, String> metadata, Weights trainingState) throws IOException {
        ModelFiles.saveCheckpoint(new LiifModelFile(spec, toWeights(), metadata), trainingState, file);
    }

    @Override
    public QueryPlanner planner() {
        return QueryPlanner.liif(spec);
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    /** The encoder's feature map (B, C, H, W) of a normalised input (B, 3, H, W). */
    public INDArray features(INDArray input) {
        return graph.tableGraphOutput(input, FEATURES);
    }

    /** Raw predictions (B, Q, outDim) in normalised space for a normalised input and planned queries. */
    public INDArray predict(INDArray input, QueryPlan plan) {
        return graph.predict(input, plan);
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray input, QueryPlan plan, INDArray target) {
        LossAndGradients result = graph.lossAndGradients(input, plan, target);
        result.gradients().putAll(frozenEncoderGradients);
        return result;
    }

    /**
     * The gradient of every parameter for a loss computed elsewhere from the predictions (a discriminator's), given
     * its gradient by the predictions, (B·Q, outDim).
     */
    public Map<String, INDArray> gradientsFor(INDArray input, QueryPlan plan, INDArray outputGradient) {
        Map<String, INDArray> gradients = graph.gradientsFor(input, plan, outputGradient);
        gradients.putAll(frozenEncoderGradients);
        return gradients;
    }

    private SDVariable buildTable(SameDiff sd, SDVariable input, Function<String, SDVariable> parameter) {
        EncoderGraphBuilder builder = new EncoderGraphBuilder(sd, parameter);
        SDVariable features = builder.build(spec.encoder(), input).rename(FEATURES);
        SDVariable latentColumns = parameter.apply(ParameterLayout.FIRST_LAYER_LATENT);
        int width = spec.hidden()[0];
        if (!spec.featUnfold()) {
            return sd.mmul(features.permute(0, 2, 3, 1).reshape(-1, spec.latentDim()), latentColumns, false, true, false);
        }
        // unfolded code (c·9 + ky·3 + kx) times the latent columns = a 3x3 convolution with those columns as its
        // (out, in, ky, kx) kernel; cheaper in M2.1 than im2col, a 6-D permute and a GEMM
        SDVariable kernel = latentColumns.reshape(width, spec.encoder().outChannels(), 3, 3);
        return builder.conv(features, kernel, null, 3).permute(0, 2, 3, 1).reshape(-1, width);
    }

    private SDVariable buildDecoder(SameDiff sd, SDVariable latent, SDVariable relative,
                                    Function<String, SDVariable> parameter) {
        SDVariable x = MlpGraph.addBias(sd, latent.add(sd.mmul(relative,
                parameter.apply(ParameterLayout.FIRST_LAYER_RELATIVE), false, true, false)),
                parameter.apply("imnet.layers.0.bias"));
        return MlpGraph.layers(sd, x, parameter, "imnet.layers.", 1, spec.hidden().length);
    }
}
