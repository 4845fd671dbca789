package org.liifviewer.core.encoder;

import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;

/** Builds the encoder an {@link EncoderSpec} describes from its weights. */
public final class Encoders {

    private Encoders() {
    }

    public static Encoder create(EncoderSpec spec, Weights weights) throws ModelFormatException {
        if (spec instanceof EncoderSpec.Edsr e) {
            return new EdsrEncoder(e, weights);
        }
        return new RdnEncoder((EncoderSpec.Rdn) spec, weights);
    }
}
