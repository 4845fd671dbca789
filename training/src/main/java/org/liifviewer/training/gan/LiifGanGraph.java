package org.liifviewer.training.gan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.model.io.TensorFile;
import org.liifviewer.training.graph.LiifGraph;
import org.liifviewer.training.graph.LossAndGradients;
import org.liifviewer.training.graph.QueryPlan;
import org.liifviewer.training.graph.QueryPlanner;
import org.liifviewer.training.graph.TrainableGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A LIIF-GAN model in training, for the trainer: decoder 1 (with the frozen encoder), decoder 2 (its parameters under
 * {@link DetailDecoder#PREFIX}, or none for LIIF-GAN-S) and the discriminator ({@code discriminator.*}), one parameter
 * map for one Adam. Frozen parts get zero gradients (Adam then leaves them exactly as they are). The saved model is a
 * two-decoder model file (or a plain one for -S); the discriminator's weights go into the training state, as
 * {@code optimizer.discriminator.*.value}.
 */
public final class LiifGanGraph implements TrainableGraph {

    /** The checkpoint metadata key naming the perceptual term the model was trained with. */
    public static final String PERCEPTUAL = "liif-gan.perceptual";
    private static final String DISCRIMINATOR = "discriminator.";
    /** Suffix of the discriminator's weights among the training state (Adam's moments have {@code .m} and {@code .v}). */
    private static final String VALUE = ".value";

    private final LiifSpec spec;
    private final LiifGraph first;
    private final LiifGraph second;
    private final PatchDiscriminator discriminator;
    private final LiifGanStep step;
    private final boolean firstFrozen;
    private final double[] weights;
    private final String description;
    private final String perceptual;
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();
    private final Map<String, INDArray> frozenGradients = new LinkedHashMap<>();

    /**
     * @param spec          the model being trained: the two-decoder model, or for one decoder {@code first}'s
     * @param second        decoder 2 (its encoder a frozen copy of {@code first}'s), or null for LIIF-GAN-S
     * @param pixelWeight   weight of the L1 loss (see {@link LiifGanStep})
     * @param detailPixelWeight weight of the L1 loss of the sum that reaches decoder 2 (see {@link LiifGanStep})
     * @param adversarialWeight weight of the adversarial term, as the discriminator was built with
     * @param matchingWeight    weight of the feature-matching term, as the discriminator was built with
     * @param vgg               the VGG19 perceptual term, or null for none
     * @param vggWeight         its weight
     * @param perceptual        the perceptual terms in words, for the model file's metadata ({@link #PERCEPTUAL})
     */
    public LiifGanGraph(LiifSpec spec, LiifGraph first, LiifGraph second, boolean firstFrozen,
                        PatchDiscriminator discriminator, double pixelWeight, double detailPixelWeight,
                        double adversarialWeight, double matchingWeight, Vgg19Perceptual vgg, double vggWeight,
                        String perceptual) {
        LiifSpec firstSpec = first.spec();
        if (second != null && (firstSpec.localEnsemble() != second.spec().localEnsemble()
                || firstSpec.cellDecode() != second.spec().cellDecode())) {
            throw new IllegalArgumentException("both decoders train on one query plan: their local_ensemble and"
                    + " cell_decode must agree");
        }
        this.spec = spec;
        this.first = first;
        this.second = second;
        this.discriminator = discriminator;
        this.firstFrozen = firstFrozen;
        this.step = new LiifGanStep(first, second, firstFrozen, discriminator, pixelWeight, detailPixelWeight, vgg,
                vggWeight);
        this.weights = new double[] {pixelWeight, adversarialWeight, matchingWeight, vgg == null ? 0 : vggWeight,
            detailPixelWeight};
        this.perceptual = perceptual;
        this.description = spec.describe() + "; trained as LIIF-GAN" + (second == null ? "-S" : "")
                + (firstFrozen ? " with decoder 1 frozen" : "") + ", discriminator "
                + discriminator.parameters().size() / 2 + " layers";
        parameters.putAll(first.parameters());
        if (second != null) {
            second.parameters().forEach((name, array) -> {
                if (!name.startsWith("encoder.")) {
                    parameters.put(DetailDecoder.PREFIX + name, array);
                }
            });
        }
        parameters.putAll(discriminator.parameters());
        first.parameters().forEach((name, array) -> frozenGradients.put(name, array.ulike().assign(0)));
    }

    @Override
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /**
     * One step's gradients; the loss is the generator's objective: {@code pixel x L1 (when decoder 1 trains) +
     * adversarial x its term + matching x feature matching + vgg x the VGG19 term (when there is one) + detail pixel
     * x the sum's L1 (when decoder 2 gets one)}.
     */
    @Override
    public LossAndGradients lossAndGradients(INDArray input, QueryPlan plan, INDArray target) {
        LiifGanStep.Result r = step.run(input, plan, target);
        Map<String, INDArray> gradients = new LinkedHashMap<>(firstFrozen ? frozenGradients : r.firstGradients());
        r.secondGradients().forEach((name, g) -> {
            if (!name.startsWith("encoder.")) {
                gradients.put(DetailDecoder.PREFIX + name, g);
            }
        });
        gradients.putAll(r.criticGradients());
        double objective = (firstFrozen ? 0 : weights[0] * r.pixel()) + weights[1] * r.terms().adversarial()
                + weights[2] * r.terms().featureMatching() + (weights[3] == 0 ? 0 : weights[3] * r.perceptual())
                + (weights[4] == 0 ? 0 : weights[4] * r.detailPixel());
        return new LossAndGradients(objective, gradients);
    }

    @Override
    public Weights toWeights(Map<String, INDArray> graphArrays) {
        Map<String, Tensor> out = new LinkedHashMap<>(first.toWeights(part(graphArrays, "", first)).asMap());
        if (second != null) {
            second.toWeights(part(graphArrays, DetailDecoder.PREFIX, second)).asMap().forEach((name, t) -> {
                if (!name.startsWith("encoder.")) {
                    out.put(DetailDecoder.PREFIX + name, t);
                }
            });
        }
        discriminator.parameters().keySet().forEach(name -> out.put(name, tensor(graphArrays.get(name))));
        return new Weights(out);
    }

    @Override
    public Map<String, INDArray> toGraph(Weights official) throws ModelFormatException {
        Map<String, INDArray> out = new LinkedHashMap<>(first.toGraph(DetailDecoder.baseWeightsOf(official)));
        if (second != null) {
            second.toGraph(DetailDecoder.weightsOf(official)).forEach((name, array) -> {
                if (!name.startsWith("encoder.")) {
                    out.put(DetailDecoder.PREFIX + name, array);
                }
            });
        }
        for (Map.Entry<String, INDArray> e : discriminator.parameters().entrySet()) {
            Tensor t = official.get(e.getKey(), e.getValue().shape());
            out.put(e.getKey(), Nd4j.createFromArray(t.data()).reshape('c', t.shape()).castTo(e.getValue().dataType())
                    .dup('c'));
        }
        return out;
    }

    @Override
    public void save(Path file, Map<String, String> metadata, Weights trainingState) throws IOException {
        Map<String, Tensor> model = new LinkedHashMap<>();
        Map<String, Tensor> state = new LinkedHashMap<>(trainingState.asMap());
        toWeights(parameters).asMap().forEach((name, t) -> {
            if (name.startsWith(DISCRIMINATOR)) {
                state.put(TensorFile.stateName(name, VALUE), t);
            } else {
                model.put(name, t);
            }
        });
        Map<String, String> withPerceptual = new LinkedHashMap<>(metadata);
        withPerceptual.put(PERCEPTUAL, perceptual);
        ModelFiles.saveCheckpoint(new LiifModelFile(spec, new Weights(model), withPerceptual), new Weights(state),
                file);
    }

    /** The discriminator's weights kept in a checkpoint's training state by {@link #save}, under their own names. */
    public static Weights discriminatorOf(Weights trainingState) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int stateNaming = TensorFile.stateName("", "").length();
        trainingState.asMap().forEach((name, t) -> {
            if (name.startsWith(TensorFile.stateName(DISCRIMINATOR, "")) && name.endsWith(VALUE)) {
                out.put(name.substring(stateNaming, name.length() - VALUE.length()), t);
            }
        });
        return new Weights(out);
    }

    @Override
    public QueryPlanner planner() {
        return first.planner();
    }

    @Override
    public String describe() {
        return description;
    }

    /** One graph's arrays: {@code graphArrays}' entries under {@code prefix}, the graph's own for the others. */
    private static Map<String, INDArray> part(Map<String, INDArray> graphArrays, String prefix, LiifGraph graph) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        graph.parameters().forEach((name, own) -> out.put(name, graphArrays.getOrDefault(prefix + name, own)));
        return out;
    }

    private static Tensor tensor(INDArray array) {
        return new Tensor(array.shape(), array.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data()
                .asFloat());
    }
}
