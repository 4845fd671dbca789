package org.liifviewer.core.liif;

import org.liifviewer.core.encoder.Encoder;
import org.liifviewer.core.encoder.Encoders;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.render.LiifImage;

/** A loaded LIIF model: its encoder and its (fast, exact) decoder. Thread-safe for rendering. */
public final class LiifModel {

    private final LiifSpec spec;
    private final Encoder encoder;
    private final QueryDecoder decoder;

    public LiifModel(LiifSpec spec, Weights weights) throws ModelFormatException {
        this.spec = spec;
        this.encoder = Encoders.create(spec.encoder(), weights);
        this.decoder = new SplitDecoder(spec, new Mlp(spec, weights));
    }

    public LiifSpec spec() {
        return spec;
    }

    public Encoder encoder() {
        return encoder;
    }

    public QueryDecoder decoder() {
        return decoder;
    }

    /** Encodes an RGB image (values in [0, 1]) into its continuous representation. */
    public LiifImage encode(FloatImage rgb) {
        FeatureMap features = encoder.encode(rgb);
        return new LiifImage(decoder.prepare(features), rgb.height(), rgb.width());
    }
}
