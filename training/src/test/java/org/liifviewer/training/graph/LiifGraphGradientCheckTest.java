package org.liifviewer.training.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.training.gradcheck.GradientCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central finite differences in float64 against the analytic gradient of every parameter of a tiny model whose
 * queries look up the same latent codes many times (the case SameDiff's own gather gradient gets wrong); inputs from
 * fixed seeds.
 */
class LiifGraphGradientCheckTest {

    private static final double MAX_RELATIVE_ERROR = 1e-5;
    /** Every STRIDE-th element of each tensor is checked (offset by the tensor's position) to keep the test fast. */
    private static final int STRIDE = 4;

    @ParameterizedTest
    @EnumSource(PixelLoss.class)
    void analyticGradientMatchesFiniteDifferencesWithRepeatedLookups(PixelLoss loss) {
        check(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{6, 5}, 3, true, true, true),
                loss);
    }

    @Test
    void handWrittenEncoderBackwardMatchesWithScaledResidualBlocks() {
        check(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 3, 0.5f), new int[]{6, 5}, 3, true, true, true),
                PixelLoss.L1);
    }

    @Test
    void tableGraphGradientMatchesWithoutUnfolding() {
        check(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{6, 5}, 3, true, false, true),
                PixelLoss.L1);
    }

    @ParameterizedTest
    @EnumSource(PixelLoss.class)
    void modulatedDecoderGradientMatches(PixelLoss loss) {
        check(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{7}, 3, true, true, true,
                new Modulation(2, 4, true, true)), loss);
    }

    @Test
    void modulatedDecoderWithShiftOnlyAndTwoHyperLayersMatches() {
        check(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{7, 5}, 3, false, true, true,
                new Modulation(3, 3, false, true)), PixelLoss.L1);
    }

    @Test
    void frozenEncoderGetsZeroGradientsAndTheDecoderStillMatches() {
        checkFrozen(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{7}, 3, true, true,
                true, new Modulation(2, 4, true, true)));
    }

    @Test
    void frozenEncoderWithoutUnfoldingGetsZeroGradientsToo() {
        // no unfolding: the table graph is differentiated by SameDiff, not by EdsrTableBackprop
        checkFrozen(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{6, 5}, 3, true, false,
                true));
    }

    private static void checkFrozen(LiifSpec spec) {
        LiifGraph graph;
        try {
            graph = LiifGraph.fromWeights(spec, ParameterLayout.of(spec).initialWeights(11), DataType.DOUBLE,
                    PixelLoss.L1, true);
        } catch (org.liifviewer.core.model.ModelFormatException e) {
            throw new AssertionError(e);
        }
        Problem p = new Problem(spec);
        Map<String, INDArray> analytic = graph.lossAndGradients(p.input, p.plan, p.target).gradients();
        Map<String, INDArray> decoder = new java.util.LinkedHashMap<>();
        graph.parameters().forEach((name, array) -> {
            if (name.startsWith("encoder.")) {
                assertEquals(0.0, analytic.get(name).amaxNumber().doubleValue(), name);
            } else {
                decoder.put(name, array);
            }
        });
        GradientCheck.run(decoder, analytic, PixelLoss.L1, () -> graph.predict(p.input, p.plan), p.target,
                length -> STRIDE).assertWithin(MAX_RELATIVE_ERROR, "frozen encoder, " + spec);
    }

    @Test
    void gradientsForAnUpstreamGradientMatchTheLinearLossItStandsFor() {
        for (LiifSpec spec : new LiifSpec[] {
            new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{6, 5}, 3, true, true, true),
            new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{7}, 3, true, true, true,
                    new Modulation(2, 4, true, true))}) {
            LiifGraph graph = LiifGraph.initialised(spec, 11, DataType.DOUBLE, PixelLoss.L1);
            Problem p = new Problem(spec);
            INDArray upstream = GradientCheck.uniform(new Random(5), p.target.shape());
            Map<String, INDArray> analytic = graph.gradientsFor(p.input, p.plan, upstream);
            GradientCheck.run(graph.parameters(), analytic,
                    () -> graph.predict(p.input, p.plan).reshape(upstream.shape()).mul(upstream).sumNumber()
                            .doubleValue(), 1e-5, length -> 3 * STRIDE)
                    .assertWithin(MAX_RELATIVE_ERROR, "upstream gradient, " + spec);
        }
    }

    /** A batch of two tiny images with 20 queries each, whose lookups repeat. */
    private static final class Problem {
        final INDArray input;
        final QueryPlan plan;
        final INDArray target;
        final long distinct;

        Problem(LiifSpec spec) {
            int batch = 2;
            int h = 3;
            int w = 4;
            int queries = 20;
            Random random = new Random(7);
            input = GradientCheck.uniform(random, batch, 3, h, w);
            float[] coord = new float[batch * queries * 2];
            float[] cell = new float[batch * queries * 2];
            for (int i = 0; i < coord.length; i++) {
                coord[i] = random.nextFloat() * 2 - 1;
                cell[i] = 2f / (5 + random.nextInt(10));
            }
            plan = QueryPlan.of(spec, h, w, batch, queries, coord, cell);
            distinct = Arrays.stream(plan.rows()).distinct().count();
            assertTrue(distinct < plan.size() / 4 || !spec.localEnsemble(),
                    "lookups must repeat: " + distinct + " distinct of " + plan.size());
            target = GradientCheck.uniform(random, batch * queries, 3);
        }
    }

    private static void check(LiifSpec spec, PixelLoss loss) {
        LiifGraph graph = LiifGraph.initialised(spec, 11, DataType.DOUBLE, loss);
        Problem p = new Problem(spec);
        Map<String, INDArray> analytic = graph.lossAndGradients(p.input, p.plan, p.target).gradients();
        GradientCheck.Result r = GradientCheck.run(graph.parameters(), analytic, loss,
                () -> graph.predict(p.input, p.plan), p.target,
                length -> STRIDE);
        System.out.printf("gradient check (%s): %d of %d lookups distinct, %s%n", loss, p.distinct, p.plan.size(), r);
        r.assertWithin(MAX_RELATIVE_ERROR, spec + ", " + loss);
    }
}
