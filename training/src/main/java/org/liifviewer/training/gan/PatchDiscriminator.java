package org.liifviewer.training.gan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.liifviewer.training.graph.LossAndGradients;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LIIF-GAN's discriminator (the paper says only "a CNN"): a patch discriminator that scores every receptive field of
 * an image patch (B, 3, P, P) in normalised values. Layers: a 3x3 convolution, 4x4 convolutions of stride 2, each
 * followed by a leaky ReLU (slope 0.2), and a 3x3 convolution to one logit per position (P/4 x P/4 of them with two
 * strided layers). Two graphs share its parameters: the discriminator's own loss, and the generator's terms, which
 * also give the feature-matching perceptual loss: the mean absolute difference of every hidden layer's activations
 * between the real and the generated patch (Salimans et al. 2016; pix2pixHD), a perceptual term that needs no
 * pretrained network.
 */
public final class PatchDiscriminator {

    private static final double LEAK = 0.2;
    private static final String REAL = PatchGradient.REAL;
    private static final String FAKE = PatchGradient.FAKE;
    private static final String CRITIC_LOSS = "critic_loss";
    private static final String GENERATOR_LOSS = "generator_loss";
    private static final String ADVERSARIAL = "adversarial";
    private static final String FEATURE_MATCHING = "feature_matching";

    private final Map<String, INDArray> parameters;
    private final int layers;
    private final SameDiff critic = SameDiff.create();
    private final PatchGradient generator;

    /**
     * @param parameters     the layers' weights (out, in, k, k) and biases, named by {@link #parameterShapes}
     * @param adversarial    the generator's adversarial term
     * @param adversarialWeight weight of the adversarial term in the generator's loss
     * @param matchingWeight weight of the feature-matching term in the generator's loss
     */
    public PatchDiscriminator(Map<String, INDArray> parameters, AdversarialLoss adversarial, double adversarialWeight,
                              double matchingWeight) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.layers = parameters.size() / 2;
        DataType type = parameters.values().iterator().next().dataType();

        SDVariable real = critic.placeHolder(REAL, type, -1, 3, -1, -1);
        SDVariable fake = critic.placeHolder(FAKE, type, -1, 3, -1, -1);
        SDVariable realLogits = last(forward(critic, real));
        SDVariable fakeLogits = last(forward(critic, fake));
        critic.nn().softplus(realLogits.neg()).mean().add(CRITIC_LOSS, critic.nn().softplus(fakeLogits).mean())
                .markAsLoss();

        generator = new PatchGradient(type);
        SameDiff g = generator.graph();
        List<SDVariable> realActivations = forward(g, generator.real());
        List<SDVariable> fakeActivations = forward(g, generator.fake());
        SDVariable matching = null;
        for (int i = 0; i < layers - 1; i++) {
            SDVariable layer = PatchGradient.meanAbsoluteDifference(g, fakeActivations.get(i), realActivations.get(i));
            matching = matching == null ? layer : matching.add(layer);
        }
        SDVariable adversarialTerm = adversarial.build(g, last(fakeActivations)).rename(ADVERSARIAL);
        matching = matching == null ? adversarialTerm.mul(0) : matching;
        matching.rename(FEATURE_MATCHING);
        adversarialTerm.mul(adversarialWeight).add(GENERATOR_LOSS, matching.mul(matchingWeight)).markAsLoss();
    }

    /**
     * The parameter names and shapes of a discriminator with hidden widths {@code widths}: layer i is
     * {@code discriminator.convs.i.weight} (out, in, k, k) and {@code .bias}.
     */
    public static Map<String, long[]> parameterShapes(int[] widths) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        long in = 3;
        for (int i = 0; i <= widths.length; i++) {
            long out = i < widths.length ? widths[i] : 1;
            long k = kernel(i, widths.length);
            shapes.put(name(i) + ".weight", new long[] {out, in, k, k});
            shapes.put(name(i) + ".bias", new long[] {out});
            in = out;
        }
        return shapes;
    }

    /** Parameters as PyTorch initialises convolutions by default (uniform in ±1/sqrt(fan_in)), from {@code seed}. */
    public static Map<String, INDArray> initialParameters(int[] widths, long seed, DataType type) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> out = new LinkedHashMap<>();
        long fanIn = 0;
        for (Map.Entry<String, long[]> e : parameterShapes(widths).entrySet()) {
            long[] shape = e.getValue();
            if (shape.length == 4) {
                fanIn = shape[1] * shape[2] * shape[3];
            }
            double bound = 1 / Math.sqrt(fanIn);
            double[] values = new double[Math.toIntExact(shape.length == 4 ? shape[0] * fanIn : shape[0])];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble(-bound, bound);
            }
            out.put(e.getKey(), Nd4j.createFromArray(values).reshape('c', shape).castTo(type).dup('c'));
        }
        return out;
    }

    /** The trainable arrays by name; shared with the graphs (in-place updates change the discriminator). */
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /** The discriminator's loss {@code -log D(real) - log(1 - D(fake))} (means) and its parameters' gradients. */
    public LossAndGradients criticStep(INDArray real, INDArray fake) {
        var result = critic.calculateGradientsAndOutputs(Map.of(REAL, real, FAKE, fake), List.of(CRITIC_LOSS),
                parameters.keySet().stream().map(PatchDiscriminator::graphName).toList());
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        parameters.keySet().forEach(n -> gradients.put(n, result.getGradients().get(graphName(n))));
        return new LossAndGradients(result.getOutputs().get(CRITIC_LOSS).getDouble(0), gradients);
    }

    /**
     * The generator's adversarial and feature-matching terms for a generated patch and the real one it stands for,
     * and the gradient of their weighted sum with respect to the generated patch (the discriminator is not changed).
     */
    public GeneratorTerms generatorTerms(INDArray real, INDArray fake) {
        Map<String, INDArray> values = generator.evaluate(real, fake, List.of(ADVERSARIAL, FEATURE_MATCHING));
        return new GeneratorTerms(values.get(ADVERSARIAL).getDouble(0), values.get(FEATURE_MATCHING).getDouble(0),
                values.get(FAKE));
    }

    /**
     * The generator's terms for one generated patch batch.
     *
     * @param adversarial     the adversarial term's value
     * @param featureMatching the feature-matching term's value
     * @param fakeGradient    the weighted sum's gradient with respect to the generated patches, (B, 3, P, P)
     */
    public record GeneratorTerms(double adversarial, double featureMatching, INDArray fakeGradient) {
    }

    /** Every layer's activation (the last one: the logits). */
    private List<SDVariable> forward(SameDiff sd, SDVariable x) {
        List<SDVariable> activations = new ArrayList<>();
        SDVariable h = x;
        for (int i = 0; i < layers; i++) {
            int k = kernel(i, layers - 1);
            h = conv(sd, h, variable(sd, name(i) + ".weight"), variable(sd, name(i) + ".bias"), k, k == 4 ? 2 : 1);
            if (i < layers - 1) {
                h = sd.nn().leakyRelu(h, LEAK);
            }
            activations.add(h);
        }
        return activations;
    }

    private SDVariable variable(SameDiff sd, String name) {
        String graphName = graphName(name);
        if (sd.hasVariable(graphName)) {
            return sd.getVariable(graphName);
        }
        SDVariable v = sd.var(graphName, parameters.get(name));
        if (v.getArr() != parameters.get(name)) {
            throw new IllegalStateException("SameDiff copied the array of " + name + ": updates would not reach it");
        }
        return v;
    }

    /**
     * A k x k convolution with padding 1 and the given stride, its weight in the official (out, in, k, k) layout,
     * permuted in the graph to (k, k, in, out): M2.1's OIYX weight gradient is wrong (docs/ND4J-NOTES.md).
     */
    static SDVariable conv(SameDiff sd, SDVariable x, SDVariable weight, SDVariable bias, int k, int stride) {
        Conv2DConfig config = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(1).pW(1).dH(1).dW(1)
                .dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
        return sd.cnn().conv2d(x, weight.permute(2, 3, 1, 0), bias, config);
    }

    private static SDVariable last(List<SDVariable> activations) {
        return activations.get(activations.size() - 1);
    }

    /** 3x3 for the first and the output layer, 4x4 (stride 2) between them. */
    private static int kernel(int layer, int hidden) {
        return layer == 0 || layer == hidden ? 3 : 4;
    }

    private static String name(int layer) {
        return "discriminator.convs." + layer;
    }

    private static String graphName(String name) {
        return name.replace('.', '_');
    }
}
