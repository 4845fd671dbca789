package org.liifviewer.training.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.training.gradcheck.GradientCheck;
import org.liifviewer.training.graph.PixelLoss;
import org.liifviewer.training.graph.QueryPlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baselines' training graphs: analytic gradients against finite differences (float64), and the forward against
 * the independent ND4J inference path {@code liif eval} uses (float32).
 */
class BaselineGraphTest {

    private static final EncoderSpec.Edsr TINY = new EncoderSpec.Edsr("edsr-baseline", 1, 3, 1f);
    private static final double MAX_RELATIVE_ERROR = 1e-5;
    /** About this many values of each tensor are checked. */
    private static final int PER_TENSOR = 8;

    @ParameterizedTest
    @EnumSource(PixelLoss.class)
    void upsamplerGradientsMatchFiniteDifferences(PixelLoss loss) {
        for (int scale : new int[]{2, 3, 4}) {
            BaselineGraph graph = BaselineGraph.initialised(new BaselineSpec.Upsampler(TINY, scale), 3,
                    DataType.DOUBLE, loss);
            checkGradients(graph, loss, 3, 4, scale * 3, scale * 4);
        }
    }

    @ParameterizedTest
    @EnumSource(PixelLoss.class)
    void metaSrGradientsMatchFiniteDifferences(PixelLoss loss) {
        BaselineGraph graph = BaselineGraph.initialised(new BaselineSpec.MetaSr(TINY), 5, DataType.DOUBLE, loss);
        checkGradients(graph, loss, 3, 4, 7, 10);
    }

    @Test
    void upsamplerForwardEqualsInference() throws Exception {
        for (int scale : new int[]{2, 3, 4}) {
            BaselineSpec spec = new BaselineSpec.Upsampler(new EncoderSpec.Edsr("edsr-baseline", 2, 8, 1f), scale);
            assertForwardEqualsInference(spec, 5, 6, 5 * scale, 6 * scale);
        }
    }

    @Test
    void metaSrForwardEqualsInferenceAtNonIntegerScale() throws Exception {
        assertForwardEqualsInference(new BaselineSpec.MetaSr(new EncoderSpec.Edsr("edsr-baseline", 2, 8, 1f)),
                5, 6, 13, 17);
    }

    @Test
    void metaSrQueryMatchesTheOfficialGeometry() {
        // x2 on a 4-pixel side: output pixel 1 has corner -0.5, inside feature pixel 0 (corner -1) at offset 0.5
        MetaSrQuery q = MetaSrQuery.of(QueryPlan.centre(1, 8), QueryPlan.centre(0, 8), 0.25f, 0.25f, 4, 4);
        assertEquals(0, q.iy());
        assertEquals(0.5f, q.offsetY(), 1e-6f);
        assertEquals(0f, q.offsetX(), 1e-6f);
        assertEquals(0.5f, q.inverseScale(), 1e-7f);
    }

    private static void checkGradients(BaselineGraph graph, PixelLoss loss, int h, int w, int outH, int outW) {
        int batch = 2;
        Random random = new Random(outH * 100L + outW);
        INDArray input = GradientCheck.uniform(random, batch, 3, h, w);
        QueryPlan plan = graph.planner().plan(h, w, batch, outH * outW, grid(batch, outH, outW), cells(batch, outH, outW));
        INDArray target = GradientCheck.uniform(random, (long) batch * outH * outW, 3);
        var analytic = graph.lossAndGradients(input, plan, target).gradients();
        GradientCheck.Result r = GradientCheck.run(graph.parameters(), analytic, loss,
                () -> graph.predict(input, plan), target,
                length -> length / PER_TENSOR);
        System.out.printf("%s gradient check (%s): %s%n", graph.describe(), loss, r);
        r.assertWithin(MAX_RELATIVE_ERROR, graph.describe() + ", " + loss);
    }

    private static void assertForwardEqualsInference(BaselineSpec spec, int h, int w, int outH, int outW)
            throws Exception {
        BaselineGraph graph = BaselineGraph.initialised(spec, 7, DataType.FLOAT, PixelLoss.L1);
        FloatImage lr = randomImage(h, w, 11);
        INDArray input = Nd4j.createFromArray(lr.data()).reshape(1, 3, h, w).sub(0.5f).div(0.5f);
        QueryPlan plan = graph.planner().plan(h, w, 1, outH * outW, grid(1, outH, outW), cells(1, outH, outW));
        float[] predicted = graph.predict(input, plan).dup('c').data().asFloat();
        FloatImage inferred = SuperResolver.of(new BaselineFiles.Model(spec, graph.toWeights(), java.util.Map.of()))
                .upscale(lr, outH, outW);
        double worst = 0;
        int plane = outH * outW;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(SuperResolver.toImage(predicted[3 * p + c]) - inferred.data()[c * plane + p]));
            }
        }
        System.out.printf("%s: graph vs inference max |diff| %.3g over %dx%d%n", spec.describe(), worst, outH, outW);
        assertTrue(worst < 1e-5, spec.describe() + ": " + worst);
    }

    /** make_coord of an outH x outW grid, repeated per image. */
    static float[] grid(int batch, int outH, int outW) {
        float[] coord = new float[batch * outH * outW * 2];
        for (int i = 0; i < batch * outH * outW; i++) {
            int p = i % (outH * outW);
            coord[2 * i] = QueryPlan.centre(p / outW, outH);
            coord[2 * i + 1] = QueryPlan.centre(p % outW, outW);
        }
        return coord;
    }

    static float[] cells(int batch, int outH, int outW) {
        float[] cell = new float[batch * outH * outW * 2];
        for (int i = 0; i < cell.length; i += 2) {
            cell[i] = (float) (2.0 / outH);
            cell[i + 1] = (float) (2.0 / outW);
        }
        return cell;
    }

    private static FloatImage randomImage(int h, int w, long seed) {
        Random random = new Random(seed);
        float[] data = new float[3 * h * w];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(256) / 255f;
        }
        return new FloatImage(3, h, w, data);
    }
}
