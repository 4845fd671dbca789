package org.liifviewer.training.graph;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central finite differences in float64 against the analytic gradient of every parameter of a tiny model whose
 * queries look up the same latent codes many times (the case SameDiff's own gather gradient gets wrong).
 */
class LiifGraphGradientCheckTest {

    private static final double STEP = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-5;
    /** Every STRIDE-th element of each tensor is checked (offset by the tensor's position) to keep the test fast. */
    private static final int STRIDE = 4;
    /** Keeps finite-difference noise (~1e-10 here) on near-zero gradients from counting as relative error. */
    private static final double ABSOLUTE_FLOOR = 1e-4;

    @Test
    void analyticGradientMatchesFiniteDifferencesWithRepeatedLookups() {
        check(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{6, 5}, 3, true, true, true));
    }

    @Test
    void handWrittenEncoderBackwardMatchesWithScaledResidualBlocks() {
        check(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 3, 0.5f), new int[]{6, 5}, 3, true, true, true));
    }

    @Test
    void tableGraphGradientMatchesWithoutUnfolding() {
        check(new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f), new int[]{6, 5}, 3, true, false, true));
    }

    private static void check(LiifSpec spec) {
        int batch = 2;
        int h = 3;
        int w = 4;
        int queries = 20;
        Random random = new Random(7);
        LiifGraph graph = LiifGraph.initialised(spec, 11, DataType.DOUBLE);
        INDArray input = Nd4j.rand(DataType.DOUBLE, batch, 3, h, w).muli(2).subi(1);
        float[] coord = new float[batch * queries * 2];
        float[] cell = new float[batch * queries * 2];
        for (int i = 0; i < coord.length; i++) {
            coord[i] = random.nextFloat() * 2 - 1;
            cell[i] = 2f / (5 + random.nextInt(10));
        }
        QueryPlan plan = QueryPlan.of(spec, h, w, batch, queries, coord, cell);
        long distinct = Arrays.stream(plan.rows()).distinct().count();
        assertTrue(distinct < plan.size() / 4, "lookups must repeat: " + distinct + " distinct of " + plan.size());
        INDArray target = Nd4j.rand(DataType.DOUBLE, batch * queries, 3).muli(2).subi(1);

        Map<String, INDArray> analytic = graph.lossAndGradients(input, plan, target).gradients();
        double worst = 0;
        String worstAt = "";
        int checked = 0;
        int tensorIndex = 0;
        for (Map.Entry<String, INDArray> p : graph.parameters().entrySet()) {
            INDArray values = p.getValue();
            INDArray grad = analytic.get(p.getKey());
            for (long i = tensorIndex++ % STRIDE; i < values.length(); i += STRIDE) {
                double original = values.getDouble(i);
                values.putScalar(i, original + STEP);
                double up = l1(graph.predict(input, plan), target);
                values.putScalar(i, original - STEP);
                double down = l1(graph.predict(input, plan), target);
                values.putScalar(i, original);
                double numeric = (up - down) / (2 * STEP);
                double a = grad.getDouble(i);
                double error = Math.abs(a - numeric) / (Math.abs(a) + Math.abs(numeric) + ABSOLUTE_FLOOR);
                if (error > worst) {
                    worst = error;
                    worstAt = p.getKey() + "[" + i + "] analytic " + a + " numeric " + numeric;
                }
                checked++;
            }
        }
        System.out.printf("gradient check: %d parameters, %d of %d lookups distinct, max relative error %.3g at %s%n",
                checked, distinct, plan.size(), worst, worstAt);
        assertTrue(worst < MAX_RELATIVE_ERROR, "max relative error " + worst + " at " + worstAt);
    }

    private static double l1(INDArray prediction, INDArray target) {
        return Transforms.abs(prediction.reshape(target.shape()).sub(target)).meanNumber().doubleValue();
    }
}
