package org.liifviewer.core.liif;

import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.model.LiifSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The straightforward LIIF decoder: for every query and ensemble member it assembles the full MLP input
 * {@code [latent code, relative coordinate, relative cell]} and runs the whole MLP, exactly as the official
 * {@code query_rgb}. Slow but the yardstick every faster decoder is tested against.
 */
public final class ReferenceDecoder implements QueryDecoder {

    private final LiifSpec spec;
    private final Mlp mlp;

    public ReferenceDecoder(LiifSpec spec, Mlp mlp) {
        this.spec = spec;
        this.mlp = mlp;
    }

    @Override
    public PreparedFeatures prepare(FeatureMap features) {
        return (queries, out) -> decode(features, queries, out);
    }

    private void decode(FeatureMap features, Queries queries, float[] out) {
        int count = queries.count();
        EnsembleGeometry geo = new EnsembleGeometry(spec.localEnsemble(), count);
        geo.compute(queries.coordY(), queries.coordX(), count, features.height(), features.width());
        int latent = spec.latentDim();
        int inDim = spec.mlpInDim();
        int rows = geo.members() * count;
        float[] input = new float[Math.multiplyExact(rows, inDim)];
        for (int r = 0; r < rows; r++) {
            int q = r % count;
            int pixel = geo.index[r];
            int o = r * inDim;
            features.latentCode(pixel / features.width(), pixel % features.width(), spec.featUnfold(), input, o);
            input[o + latent] = geo.relY[r];
            input[o + latent + 1] = geo.relX[r];
            if (spec.cellDecode()) {
                input[o + latent + 2] = queries.cellY()[q] * (float) features.height();
                input[o + latent + 3] = queries.cellX()[q] * (float) features.width();
            }
        }
        INDArray pred = mlp.forward(Nd4j.create(input, new long[] {rows, inDim}, 'c'));
        float[] p = pred.data().asFloat();
        geo.blend(p, spec.outDim(), count, out);
    }
}
