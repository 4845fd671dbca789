package org.liifviewer.training.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.training.gradcheck.GradientCheck;
import org.liifviewer.training.graph.LiifGraph;
import org.liifviewer.training.graph.LossAndGradients;
import org.liifviewer.training.graph.ParameterLayout;
import org.liifviewer.training.graph.PixelLoss;
import org.liifviewer.training.graph.QueryPlan;
import org.liifviewer.training.run.AdamOptimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LIIF-GAN's training step on a tiny model and patch: decoder 1 gets its L1 gradients and nothing from the
 * discriminator (gradient blocking); a few steps change decoder 2 and the discriminator and leave a frozen decoder 1
 * and the frozen encoder exactly as they were.
 */
class LiifGanStepTest {

    private static final EncoderSpec.Edsr EDSR = new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f);
    private static final LiifSpec FIRST = new LiifSpec(EDSR, new int[] {6, 5}, 3, true, true, true);
    private static final LiifSpec SECOND = new LiifSpec(EDSR, new int[] {7}, 3, true, true, true);
    private static final int SIDE = 4;
    private static final int BATCH = 2;

    private final INDArray input;
    private final QueryPlan plan;
    private final INDArray target;

    LiifGanStepTest() {
        Random random = new Random(9);
        input = GradientCheck.uniform(random, BATCH, 3, 6, 6).castTo(DataType.FLOAT);
        int queries = SIDE * SIDE;
        float[] coord = new float[BATCH * queries * 2];
        float[] cell = new float[coord.length];
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < queries; i++) {
                int q = (b * queries + i) * 2;
                coord[q] = -0.6f + 0.25f * (i / SIDE) + 0.1f * b;
                coord[q + 1] = -0.5f + 0.25f * (i % SIDE);
                cell[q] = 0.25f;
                cell[q + 1] = 0.25f;
            }
        }
        plan = QueryPlan.of(FIRST, 6, 6, BATCH, queries, coord, cell);
        target = GradientCheck.uniform(random, (long) BATCH * queries, 3).castTo(DataType.FLOAT);
    }

    @Test
    void decoderOneGetsItsL1GradientsAndNothingFromTheDiscriminator() throws Exception {
        LiifGraph first = graph(FIRST, 1);
        LiifGraph second = graph(SECOND, 2);
        LiifGanStep.Result a = new LiifGanStep(first, second, false, discriminator(3), 1.0).run(input, plan, target);
        LiifGanStep.Result b = new LiifGanStep(first, second, false, discriminator(4), 1.0).run(input, plan, target);
        Map<String, INDArray> l1 = first.lossAndGradients(input, plan, target).gradients();
        for (String name : first.parameters().keySet()) {
            assertEquals(l1.get(name), a.firstGradients().get(name), name);
            assertEquals(l1.get(name), b.firstGradients().get(name), name);
        }
        assertNotEquals(a.secondGradients().get("imnet.layers.0.bias"), b.secondGradients().get("imnet.layers.0.bias"),
                "another discriminator sends decoder 2 other gradients");
        assertTrue(a.secondGradients().get("imnet.layers.2.weight").amaxNumber().doubleValue() > 0);
    }

    @Test
    void aFewStepsChangeDecoderTwoAndTheDiscriminatorOnly() throws Exception {
        LiifGraph first = graph(FIRST, 1);
        LiifGraph second = graph(SECOND, 2);
        PatchDiscriminator d = discriminator(3);
        Map<String, INDArray> firstBefore = copy(first.parameters());
        Map<String, INDArray> secondBefore = copy(second.parameters());
        Map<String, INDArray> criticBefore = copy(d.parameters());
        AdamOptimizer secondAdam = new AdamOptimizer(second.parameters());
        AdamOptimizer criticAdam = new AdamOptimizer(d.parameters());
        LiifGanStep step = new LiifGanStep(first, second, true, d, 1.0);
        for (int i = 0; i < 3; i++) {
            LiifGanStep.Result r = step.run(input, plan, target);
            assertTrue(r.firstGradients().isEmpty(), "a frozen decoder 1 gets no gradients");
            assertTrue(Double.isFinite(r.critic()) && Double.isFinite(r.terms().featureMatching()));
            secondAdam.step(r.secondGradients(), 1e-3);
            criticAdam.step(r.criticGradients(), 1e-3);
        }
        firstBefore.forEach((name, value) -> assertEquals(value, first.parameters().get(name), name + " moved"));
        secondBefore.forEach((name, value) -> {
            boolean encoder = name.startsWith("encoder.");
            assertEquals(encoder, value.equals(second.parameters().get(name)),
                    name + (encoder ? ": the frozen encoder moved" : ": decoder 2 did not move"));
        });
        criticBefore.forEach((name, value) -> assertNotEquals(value, d.parameters().get(name), name + " did not move"));
    }

    @Test
    void decoderTwosPixelTermIsTheL1GradientOfTheSum() throws Exception {
        LiifGraph first = graph(FIRST, 1);
        LiifGraph second = graph(SECOND, 2);
        LiifGanStep.Result without = new LiifGanStep(first, second, true, discriminator(3), 1.0, 0, null, 0)
                .run(input, plan, target);
        LiifGanStep.Result with = new LiifGanStep(first, second, true, discriminator(3), 1.0, 0.7, null, 0)
                .run(input, plan, target);
        // decoder 2's own L1 against the target minus decoder 1's output is the L1 of the sum
        LossAndGradients alone = second.lossAndGradients(input, plan,
                target.sub(first.predict(input, plan).reshape(target.shape())));
        assertEquals(alone.loss(), with.detailPixel(), 1e-6);
        assertTrue(Double.isNaN(without.detailPixel()));
        for (String name : with.secondGradients().keySet()) {
            INDArray expected = without.secondGradients().get(name).add(alone.gradients().get(name).mul(0.7));
            assertEquals(0.0, expected.sub(with.secondGradients().get(name)).amaxNumber().doubleValue(), 1e-6, name);
        }
        assertTrue(alone.gradients().get("imnet.layers.2.weight").amaxNumber().doubleValue() > 0);
    }

    @Test
    void oneDecoderGetsItsWeightedL1AndTheDiscriminatorsTerms() throws Exception {
        LiifGraph only = graph(FIRST, 1);
        LiifGanStep.Result r = new LiifGanStep(only, null, false, discriminator(3), 0.5).run(input, plan, target);
        Map<String, INDArray> l1 = only.lossAndGradients(input, plan, target).gradients();
        Map<String, INDArray> adversarial = only.gradientsFor(input, plan,
                r.terms().fakeGradient().permute(0, 2, 3, 1).dup('c').reshape((long) BATCH * SIDE * SIDE, 3));
        String name = "imnet.layers.0.bias";
        INDArray expected = l1.get(name).mul(0.5).add(adversarial.get(name));
        assertEquals(0.0, expected.sub(r.firstGradients().get(name)).amaxNumber().doubleValue(), 1e-6);
        assertTrue(adversarial.get(name).amaxNumber().doubleValue() > 0, "the discriminator's terms reach it");
    }

    private static LiifGraph graph(LiifSpec spec, long seed) throws ModelFormatException {
        return LiifGraph.fromWeights(spec, ParameterLayout.of(spec).initialWeights(seed), DataType.FLOAT,
                PixelLoss.L1, true);
    }

    private static PatchDiscriminator discriminator(long seed) {
        return new PatchDiscriminator(PatchDiscriminator.initialParameters(new int[] {4, 5}, seed, DataType.FLOAT),
                AdversarialLoss.NON_SATURATING, 0.1, 1.0);
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> parameters) {
        Map<String, INDArray> out = new HashMap<>();
        parameters.forEach((name, value) -> out.put(name, value.dup()));
        return out;
    }
}
