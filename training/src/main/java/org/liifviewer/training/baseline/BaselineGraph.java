package org.liifviewer.training.baseline;

import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.liifviewer.training.graph.EncoderGraphBuilder;
import org.liifviewer.training.graph.LossAndGradients;
import org.liifviewer.training.graph.MlpGraph;
import org.liifviewer.training.graph.ParameterLayout;
import org.liifviewer.training.graph.PixelLoss;
import org.liifviewer.training.graph.QueryPlan;
import org.liifviewer.training.graph.QueryPlanner;
import org.liifviewer.training.graph.SplitGraph;
import org.liifviewer.training.graph.LaidOutGraph;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.DataFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A trainable baseline as a {@link SplitGraph}.
 * <ul>
 *   <li>Up-sampler: the table is the HR output itself, one RGB row per output pixel (EDSR trunk, pixel-shuffle
 *   steps, last conv); the decoder passes the looked-up rows through. Queries at every HR pixel of the crop give the
 *   official full-crop L1 loss.</li>
 *   <li>MetaSR: the table holds the 3x3-unfolded features (C·9 per position); the decoder is the meta-upscale MLP
 *   (offset y, offset x, 1/scale) → C·9·3 weights, contracted with the looked-up feature to RGB.</li>
 * </ul>
 */
public final class BaselineGraph implements LaidOutGraph {

    private static final String TRUNK_PREFIX = "encoder.";

    private final BaselineSpec spec;
    private final ParameterLayout layout;
    private final SplitGraph graph;

    private BaselineGraph(BaselineSpec spec, ParameterLayout layout, Map<String, INDArray> parameters,
                          PixelLoss loss) {
        this.spec = spec;
        this.layout = layout;
        if (spec instanceof BaselineSpec.MetaSr m) {
            graph = new SplitGraph(parameters, m.unfoldedDim(), 3, 1, 3, this::metaSrTable, this::metaSrDecoder, null,
                    loss);
        } else {
            graph = new SplitGraph(parameters, 3, 0, 1, 3, this::upsamplerTable, null, null, loss);
        }
    }

    /** A graph with PyTorch's default initialisation, drawn from {@code seed}. */
    public static BaselineGraph initialised(BaselineSpec spec, long seed, DataType dtype, PixelLoss loss) {
        ParameterLayout layout = spec.layout();
        return new BaselineGraph(spec, layout, layout.initialGraph(seed, dtype), loss);
    }

    /** A graph holding {@code weights} (official names and layouts) as {@code dtype} parameters. */
    public static BaselineGraph fromWeights(BaselineSpec spec, Weights weights, DataType dtype, PixelLoss loss)
            throws ModelFormatException {
        ParameterLayout layout = spec.layout();
        return new BaselineGraph(spec, layout, layout.toGraph(weights, dtype), loss);
    }

    public BaselineSpec spec() {
        return spec;
    }

    /** The current parameters as official float32 weights, mean-shift buffers included. */
    public Weights toWeights() {
        return layout.toWeights(parameters());
    }

    /** Raw predictions (B, Q, 3) in normalised space for a normalised input and planned queries. */
    public INDArray predict(INDArray input, QueryPlan plan) {
        return graph.predict(input, plan);
    }

    @Override
    public Map<String, INDArray> parameters() {
        return graph.parameters();
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray input, QueryPlan plan, INDArray target) {
        return graph.lossAndGradients(input, plan, target);
    }

    @Override
    public void save(Path file, Map<String, String> metadata, Weights trainingState) throws IOException {
        BaselineFiles.save(new BaselineFiles.Model(spec, toWeights(), metadata), trainingState, file);
    }

    @Override
    public QueryPlanner planner() {
        return spec instanceof BaselineSpec.Upsampler u ? BaselinePlans.upsampler(u.scale()) : BaselinePlans::metaSr;
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    private SDVariable upsamplerTable(SameDiff sd, SDVariable input, Function<String, SDVariable> parameter) {
        BaselineSpec.Upsampler up = (BaselineSpec.Upsampler) spec;
        // the official EDSR model has no "encoder." prefix: the trunk builder's names are mapped to the bare ones
        EncoderGraphBuilder convs = new EncoderGraphBuilder(sd, n -> parameter.apply(n.substring(TRUNK_PREFIX.length())));
        SDVariable x = convs.build(up.encoder(), input);
        int f = up.encoder().nFeats();
        int[] steps = up.steps();
        for (int i = 0; i < steps.length; i++) {
            x = pixelShuffle(convs, x, parameter, BaselineSpec.Upsampler.stepConv(i), f, steps[i]);
        }
        SDVariable rgb = convs.conv(x, parameter.apply(up.lastConv() + ".weight"),
                parameter.apply(up.lastConv() + ".bias"), 3);
        return rgb.permute(0, 2, 3, 1).reshape(-1, 3);
    }

    /**
     * conv(f, r²·f) then PixelShuffle(r). PyTorch takes output channel c·r² + k (k = i·r + j) to sub-pixel (i, j) of
     * channel c; depth_to_space takes channel k·f + c there. The conv's output channels are reordered accordingly
     * (on the weights, whose shapes are static).
     */
    private static SDVariable pixelShuffle(EncoderGraphBuilder convs, SDVariable x, Function<String, SDVariable> parameter,
                                           String conv, int f, int r) {
        int blocks = r * r;
        SDVariable w = parameter.apply(conv + ".weight").reshape(f, blocks, f, 3, 3).permute(1, 0, 2, 3, 4)
                .reshape(blocks * f, f, 3, 3);
        SDVariable b = parameter.apply(conv + ".bias").reshape(f, blocks).permute(1, 0).reshape(blocks * f);
        return x.getSameDiff().cnn().depthToSpace(convs.conv(x, w, b, 3), r, DataFormat.NCHW);
    }

    private SDVariable metaSrTable(SameDiff sd, SDVariable input, Function<String, SDVariable> parameter) {
        BaselineSpec.MetaSr meta = (BaselineSpec.MetaSr) spec;
        SDVariable features = new EncoderGraphBuilder(sd, parameter).build(meta.encoder(), input);
        return EncoderGraphBuilder.latentRows(features, true, meta.unfoldedDim());
    }

    private SDVariable metaSrDecoder(SameDiff sd, SDVariable latent, SDVariable relative,
                                     Function<String, SDVariable> parameter) {
        int dim = ((BaselineSpec.MetaSr) spec).unfoldedDim();
        SDVariable hidden = MlpGraph.linear(sd, relative, parameter, "imnet.layers.0");
        SDVariable weights = MlpGraph.layers(sd, hidden, parameter, "imnet.layers.", 1, 1).reshape(-1, dim, 3);
        // per colour: Σ_j feature_j · kernel_{j,colour} (the latent is used unreshaped: SameDiff then yields its gradient)
        SDVariable[] rgb = new SDVariable[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = latent.mul(weights.get(SDIndex.all(), SDIndex.all(), SDIndex.point(c))).sum(true, 1);
        }
        return sd.concat(1, rgb);
    }
}
