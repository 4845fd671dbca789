package org.liifviewer.training.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liifviewer.core.bench.DecodeBenchmark;
import org.liifviewer.core.bench.RandomWeights;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Queries;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.render.LiifModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training graph and core's inference are two independent implementations of the same model: on the same
 * weights they agree, for the RDN encoder too (for which no official reference vectors exist), and for LM-LIIF.
 */
class CoreAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {"rdn", "edsr", "edsr-lmliif"})
    void sameWeightsGiveTheSameFeaturesAndPredictions(String encoder) throws Exception {
        EncoderSpec enc = encoder.equals("rdn") ? new EncoderSpec.Rdn(8, 2, 3, 4)
                : new EncoderSpec.Edsr("edsr-baseline", 2, 8, 1f);
        LiifSpec spec = encoder.endsWith("lmliif")
                ? new LiifSpec(enc, new int[] {20}, 3, true, true, true, new Modulation(3, 6, true, true))
                : new LiifSpec(enc, new int[] {16, 16}, 3, true, true, true);
        Weights weights = RandomWeights.of(spec, 3);
        FloatImage img = DecodeBenchmark.randomImage(9, 11, 4);

        LiifGraph graph = LiifGraph.fromWeights(spec, weights, DataType.FLOAT, PixelLoss.L1);
        float[] norm = img.data().clone();
        for (int i = 0; i < norm.length; i++) {
            norm[i] = (norm[i] - 0.5f) / 0.5f;
        }
        INDArray input = Nd4j.create(norm, new long[] {1, 3, 9, 11}, 'c');
        LiifModel model = new LiifModel(spec, weights);
        float[] coreFeat = model.encoder().encode(img).data();
        float[] graphFeat = graph.features(input).dup('c').data().asFloat();
        assertTrue(maxAbs(coreFeat, graphFeat) < 1e-5, "features differ by " + maxAbs(coreFeat, graphFeat));

        int q = 40;
        SplittableRandom rnd = new SplittableRandom(5);
        float[] coord = new float[2 * q];
        float[] cell = new float[2 * q];
        Queries queries = Queries.allocate(q);
        for (int i = 0; i < q; i++) {
            coord[2 * i] = queries.coordY()[i] = (float) (rnd.nextDouble() * 2.2 - 1.1);
            coord[2 * i + 1] = queries.coordX()[i] = (float) (rnd.nextDouble() * 2.2 - 1.1);
            cell[2 * i] = queries.cellY()[i] = (float) (rnd.nextDouble() * 0.2);
            cell[2 * i + 1] = queries.cellX()[i] = (float) (rnd.nextDouble() * 0.2);
        }
        float[] corePred = new float[3 * q];
        model.encode(img).features().decode(queries, corePred);
        float[] graphPred = graph.predict(input, QueryPlan.of(spec, 9, 11, 1, q, coord, cell)).dup('c').data().asFloat();
        assertTrue(maxAbs(corePred, graphPred) < 1e-5, "predictions differ by " + maxAbs(corePred, graphPred));
    }

    private static float maxAbs(float[] a, float[] b) {
        assertTrue(a.length == b.length, "lengths " + a.length + " vs " + b.length);
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
