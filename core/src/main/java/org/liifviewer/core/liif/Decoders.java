package org.liifviewer.core.liif;

import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;

/** Builds the fast decoder a {@link LiifSpec} describes: LIIF's, LM-LIIF's, or LIIF-GAN's pair of them. */
public final class Decoders {

    private Decoders() {
    }

    public static ProjectingDecoder create(LiifSpec spec, Weights weights) throws ModelFormatException {
        DetailDecoder detail = spec.detail();
        if (detail == null) {
            return one(spec, weights);
        }
        return new RealismDecoder(one(spec.base(), DetailDecoder.baseWeightsOf(weights)),
                one(detail.spec(), DetailDecoder.weightsOf(weights)), spec.encoder().outChannels(),
                !detail.baseFeatures().last(), detail.realism());
    }

    private static ProjectingDecoder one(LiifSpec spec, Weights weights) throws ModelFormatException {
        return spec.modulated() ? new ModulatedDecoder(spec, weights) : new SplitDecoder(spec, new Mlp(spec, weights));
    }
}
