package org.liifviewer.training.graph;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph's forward pass against the official code's outputs on the four small golden models. */
class LiifGraphGoldenTest {

    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"full", "e", "u", "c"})
    void featuresAndPredictionsMatchOfficialCode(String variant) throws Exception {
        LiifSpec spec = GoldenData.smallSpec(variant);
        Map<String, Tensor> data = GoldenData.data(variant);
        LiifGraph graph = LiifGraph.fromWeights(spec, GoldenData.weights(variant), DataType.FLOAT, PixelLoss.L1);
        INDArray input = normalised(data.get("inp_img"));

        double featError = maxAbsDiff(graph.features(input), data.get("feat"));
        System.out.printf("small-%s feat max abs error %.3g%n", variant, featError);
        assertTrue(featError < TOLERANCE, "feat error " + featError);

        for (String set : new String[]{"rand", "edge", "grid", "x3grid"}) {
            QueryPlan plan = plan(spec, input, data.get(set + "_coord"), data.get(set + "_cell"));
            double predError = maxAbsDiff(graph.predict(input, plan), data.get(set + "_pred"));
            System.out.printf("small-%s %s_pred max abs error %.3g%n", variant, set, predError);
            assertTrue(predError < TOLERANCE, set + " pred error " + predError);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "e", "u", "c"})
    void plannedRelativeInputsAndWeightsMatchOfficialCode(String variant) throws Exception {
        LiifSpec spec = GoldenData.smallSpec(variant);
        Map<String, Tensor> data = GoldenData.data(variant);
        for (String set : new String[]{"rand", "edge"}) {
            Tensor coord = data.get(set + "_coord");
            QueryPlan plan = QueryPlan.of(spec, 10, 13, 1, (int) coord.dim(1), coord.data(),
                    data.get(set + "_cell").data());
            Tensor imnetIn = data.get(set + "_imnet_in"); // (K, Q, in_dim)
            Tensor weights = data.get(set + "_ens_weight"); // (K, Q)
            int members = plan.members();
            int queries = plan.queries();
            int width = plan.relativeWidth();
            int inDim = (int) imnetIn.dim(2);
            assertEquals(spec.mlpInDim(), inDim);
            for (int q = 0; q < queries; q++) {
                for (int k = 0; k < members; k++) {
                    int e = q * members + k;
                    float[] expected = new float[width];
                    System.arraycopy(imnetIn.data(), (k * queries + q) * inDim + inDim - width, expected, 0, width);
                    float[] actual = new float[width];
                    System.arraycopy(plan.relative(), e * width, actual, 0, width);
                    assertArrayEquals(expected, actual, 0f, set + " rel q=" + q + " k=" + k);
                    assertEquals(weights.data()[k * queries + q], plan.weights()[e], 0f, set + " weight q=" + q + " k=" + k);
                }
            }
        }
    }

    static INDArray normalised(Tensor image) {
        return Nd4j.createFromArray(image.data()).reshape('c', image.shape()).sub(0.5f).div(0.5f);
    }

    static QueryPlan plan(LiifSpec spec, INDArray input, Tensor coord, Tensor cell) {
        return QueryPlan.of(spec, (int) input.size(2), (int) input.size(3), (int) coord.dim(0), (int) coord.dim(1),
                coord.data(), cell.data());
    }

    static double maxAbsDiff(INDArray actual, Tensor expected) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        float[] a = actual.castTo(DataType.FLOAT).dup('c').data().asFloat();
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - expected.data()[i]));
        }
        return max;
    }
}
