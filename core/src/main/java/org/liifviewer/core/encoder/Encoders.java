package org.liifviewer.core.encoder;

import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;

/** Builds the encoder an {@link EncoderSpec} describes from its weights. */
public final class Encoders {

    private Encoders() {
    }

    public static Encoder create(EncoderSpec spec, Weights weights) throws ModelFormatException {
        return create(spec, weights, FeatureLayer.LAST);
    }

    /**
     * An encoder whose output is followed, channel-wise, by the mid-layer feature map {@code extra} (nothing more when
     * {@code extra} is the last layer): what a LIIF-GAN model whose first decoder reads a mid layer needs.
     *
     * @throws ModelFormatException if the encoder has no such layer (only EDSR offers mid layers)
     */
    public static Encoder create(EncoderSpec spec, Weights weights, FeatureLayer extra) throws ModelFormatException {
        if (spec instanceof EncoderSpec.Edsr e) {
            if (extra.afterBlocks() > e.nResblocks()) {
                throw new ModelFormatException("the encoder has " + e.nResblocks() + " residual blocks, not "
                        + extra.afterBlocks());
            }
            return new EdsrEncoder(e, weights, extra);
        }
        if (!extra.last()) {
            throw new ModelFormatException("only EDSR encoders offer mid-layer features, not " + spec.describe());
        }
        return new RdnEncoder((EncoderSpec.Rdn) spec, weights);
    }
}
