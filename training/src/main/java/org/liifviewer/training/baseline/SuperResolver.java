package org.liifviewer.training.baseline;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.ModelFormatException;

/** A baseline's plain ND4J inference (what {@code liif eval} runs), equal to its training graph's forward. */
public interface SuperResolver {

    /** Whether the model can upscale by {@code scale}. */
    boolean supports(int scale);

    /** The upscaled RGB image, {@code outH x outW}, values clamped to [0, 1] (the normalised output · 0.5 + 0.5). */
    FloatImage upscale(FloatImage lr, int outH, int outW);

    /** The inference model of a loaded baseline. */
    static SuperResolver of(BaselineFiles.Model model) throws ModelFormatException {
        if (model.spec() instanceof BaselineSpec.Upsampler u) {
            return new UpsamplerModel(u, model.weights());
        }
        return new MetaSrModel((BaselineSpec.MetaSr) model.spec(), model.weights());
    }

    /** {@code normalised · 0.5 + 0.5}, clamped to [0, 1]. */
    static float toImage(float normalised) {
        return Math.min(Math.max(normalised * 0.5f + 0.5f, 0f), 1f);
    }
}
