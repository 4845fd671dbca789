package org.liifviewer.core.liif;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liifviewer.core.bench.DecodeBenchmark;
import org.liifviewer.core.bench.RandomWeights;
import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.render.LiifModel;

/**
 * The fast LM-LIIF decoder (tiles, GEMM-built modulation tables, the Java render MLP) against the plain
 * double-precision implementation of the formulation, on tiny random models, every switch on and off, with queries
 * inside and beyond the image and cells that change within one call.
 */
class ModulatedDecoderTest {

    private static final float TOLERANCE = 1e-5f;

    static Stream<Arguments> variants() {
        EncoderSpec edsr = new EncoderSpec.Edsr("edsr-baseline", 1, 6, 1f);
        return Stream.of(
                Arguments.of(new LiifSpec(edsr, new int[] {12}, 3, true, true, true, new Modulation(3, 5, true, true))),
                Arguments.of(new LiifSpec(edsr, new int[] {12, 9}, 3, true, true, true,
                        new Modulation(2, 4, false, true))),
                Arguments.of(new LiifSpec(edsr, new int[] {12}, 3, false, true, true, new Modulation(2, 4, true, false))),
                Arguments.of(new LiifSpec(edsr, new int[] {12}, 3, true, false, true, new Modulation(3, 5, true, true))),
                Arguments.of(new LiifSpec(edsr, new int[] {12}, 3, true, true, false, new Modulation(3, 5, true, true))));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void fastDecoderEqualsThePlainFormulation(LiifSpec spec) throws Exception {
        Weights weights = RandomWeights.of(spec, 3);
        LiifModel model = new LiifModel(spec, weights, 4, new org.liifviewer.core.render.TileCache(1 << 24));
        FloatImage img = DecodeBenchmark.randomImage(9, 11, 4);
        FeatureMap features = model.encoder().encode(img);
        // scattered queries, few queries per latent code (a row at a time), and a x4 grid (a row per SIMD lane)
        for (Queries queries : List.of(randomQueries(300, 5), randomQueries(12, 6),
                Queries.allocate(36 * 44).fillGrid(Axis.grid(36), Axis.grid(44), 0, 36))) {
            float[] fast = new float[3 * queries.count()];
            float[] tiled = new float[3 * queries.count()];
            float[] reference = new float[3 * queries.count()];
            new ModulatedDecoder(spec, weights, 64).prepare(features).decode(queries, fast);
            model.encode(img).features().decode(queries, tiled);
            new ModulatedReferenceDecoder(spec, weights).prepare(features).decode(queries, reference);
            assertClose(reference, fast, queries.count() + " queries, whole-map projections");
            assertClose(reference, tiled, queries.count() + " queries, tiled projections");
        }
    }

    @Test
    void modulationChangesTheOutput() throws Exception {
        LiifSpec spec = new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 6, 1f), new int[] {12}, 3, true, true,
                true, new Modulation(3, 5, true, true));
        Weights weights = RandomWeights.of(spec, 3);
        FeatureMap features = new LiifModel(spec, weights).encoder().encode(DecodeBenchmark.randomImage(9, 11, 4));
        Queries queries = randomQueries(50, 9);
        float[] first = new float[150];
        new ModulatedReferenceDecoder(spec, weights).prepare(features).decode(queries, first);
        for (int i = 0; i < queries.count(); i++) {
            queries.cellY()[i] *= 3;
        }
        float[] second = new float[150];
        new ModulatedReferenceDecoder(spec, weights).prepare(features).decode(queries, second);
        float diff = 0;
        for (int i = 0; i < first.length; i++) {
            diff = Math.max(diff, Math.abs(first[i] - second[i]));
        }
        assertTrue(diff > 1e-3, "the cell must reach the output, max change " + diff);
    }

    /** Queries in [-1.1, 1.1]², cells from a few distinct sizes in runs (as tiles at several zooms would give). */
    static Queries randomQueries(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Queries q = Queries.allocate(n);
        float cellY = 0.1f;
        float cellX = 0.1f;
        for (int i = 0; i < n; i++) {
            if (i % 37 == 0) {
                cellY = (float) (rnd.nextDouble() * 0.3);
                cellX = (float) (rnd.nextDouble() * 0.3);
            }
            q.coordY()[i] = (float) (rnd.nextDouble() * 2.2 - 1.1);
            q.coordX()[i] = (float) (rnd.nextDouble() * 2.2 - 1.1);
            q.cellY()[i] = cellY;
            q.cellX()[i] = cellX;
        }
        return q;
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        float max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(max < TOLERANCE, what + ": max difference " + max);
    }
}
