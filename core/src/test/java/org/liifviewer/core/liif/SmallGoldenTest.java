package org.liifviewer.core.liif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liifviewer.core.encoder.Encoders;
import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.golden.GoldenData;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;

/** The reference decoder and the encoder reproduce the official outputs of the four small golden models. */
class SmallGoldenTest {

    static LiifSpec smallSpec(boolean ensemble, boolean unfold, boolean cell) {
        return new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f), new int[] {32, 32}, 3, ensemble, unfold, cell);
    }

    @ParameterizedTest
    @CsvSource({
        "small-full, true, true, true, grid", "small-full, true, true, true, x3grid",
        "small-full, true, true, true, rand", "small-full, true, true, true, edge",
        "small-e, false, true, true, grid", "small-e, false, true, true, x3grid",
        "small-e, false, true, true, rand", "small-e, false, true, true, edge",
        "small-u, true, false, true, grid", "small-u, true, false, true, x3grid",
        "small-u, true, false, true, rand", "small-u, true, false, true, edge",
        "small-c, true, true, false, grid", "small-c, true, true, false, x3grid",
        "small-c, true, true, false, rand", "small-c, true, true, false, edge"})
    void predictionsMatchTheOfficialCode(String variant, boolean ensemble, boolean unfold, boolean cell, String set)
            throws Exception {
        LiifSpec spec = smallSpec(ensemble, unfold, cell);
        GoldenData data = GoldenData.open(variant + "/data");
        var weights = GoldenData.open(variant + "/weights").weights();
        FloatImage inp = new FloatImage(3, 10, 13, data.floats("inp_img"));
        FeatureMap feat = Encoders.create(spec.encoder(), weights).encode(inp);
        assertMaxAbs(data.floats("feat"), feat.data(), 1e-5, variant + " feat");

        float[] coord = data.floats(set + "_coord");
        float[] cells = data.floats(set + "_cell");
        int q = coord.length / 2;
        Queries queries = Queries.allocate(q);
        for (int i = 0; i < q; i++) {
            queries.coordY()[i] = coord[2 * i];
            queries.coordX()[i] = coord[2 * i + 1];
            queries.cellY()[i] = cells[2 * i];
            queries.cellX()[i] = cells[2 * i + 1];
        }
        Mlp mlp = new Mlp(spec, weights);
        QueryDecoder[] decoders = {new ReferenceDecoder(spec, mlp), new SplitDecoder(spec, mlp, 97, false),
            new SplitDecoder(spec, mlp, 97, true), new SplitDecoder(spec, mlp, 2000, false)};
        for (QueryDecoder decoder : decoders) {
            float[] pred = new float[q * 3];
            decoder.prepare(feat).decode(queries, pred);
            assertMaxAbs(data.floats(set + "_pred"), pred, 1e-5, variant + " " + set + " " + decoder.getClass().getSimpleName());
        }
    }

    static void assertMaxAbs(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double max = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (!(d <= max)) {
                max = d;
                at = i;
            }
        }
        assertTrue(max <= tol, what + ": max abs diff " + max + " at " + at);
    }
}
