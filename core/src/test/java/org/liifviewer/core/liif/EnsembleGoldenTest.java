package org.liifviewer.core.liif;

import static org.liifviewer.core.liif.SmallGoldenTest.assertMaxAbs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.golden.GoldenData;

/** Unfolded latent codes and the final ensemble weights equal the official intermediate tensors. */
class EnsembleGoldenTest {

    @ParameterizedTest
    @CsvSource({"small-full, rand", "small-full, edge", "small-u, rand", "small-u, edge", "small-c, edge"})
    void ensembleWeightsMatch(String variant, String set) {
        GoldenData data = GoldenData.open(variant + "/data");
        float[] coord = data.floats(set + "_coord");
        int q = coord.length / 2;
        float[] y = new float[q];
        float[] x = new float[q];
        for (int i = 0; i < q; i++) {
            y[i] = coord[2 * i];
            x[i] = coord[2 * i + 1];
        }
        EnsembleGeometry geo = new EnsembleGeometry(true, q);
        geo.compute(y, x, q, 10, 13);
        assertMaxAbs(data.floats(set + "_ens_weight"), geo.weight, 1e-7, variant + " " + set + " weights");
    }

    @ParameterizedTest
    @CsvSource({"small-full", "small-e", "small-c"})
    void unfoldedCodesMatch(String variant) {
        GoldenData data = GoldenData.open(variant + "/data");
        FeatureMap feat = new FeatureMap(16, 10, 13, data.floats("feat"));
        float[] expected = data.floats("feat_unfold");   // (144, 10, 13)
        float[] actual = new float[expected.length];
        float[] code = new float[144];
        for (int yy = 0; yy < 10; yy++) {
            for (int xx = 0; xx < 13; xx++) {
                feat.latentCode(yy, xx, true, code, 0);
                for (int c = 0; c < 144; c++) {
                    actual[(c * 10 + yy) * 13 + xx] = code[c];
                }
            }
        }
        assertMaxAbs(expected, actual, 0, variant + " unfold");
    }
}
