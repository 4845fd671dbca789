package org.liifviewer.training.eval;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.MatlabImresize;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.LiifModel;
import org.liifviewer.training.baseline.SuperResolver;

/** Upscales an LR input to exactly the size of its HR crop. */
@FunctionalInterface
public interface Upscaler {

    /** The upscaled RGB image, {@code outH x outW}, values in [0, 1]. */
    FloatImage upscale(FloatImage lr, int outH, int outW);

    /** Whether this upscaler can do {@code scale} (a fixed-scale baseline cannot do the others). */
    default boolean supports(int scale) {
        return true;
    }

    /** MATLAB {@code imresize} bicubic, 8-bit output: the literature's bicubic baseline. */
    static Upscaler matlabBicubic() {
        return MatlabImresize::resize;
    }

    /** A baseline's inference (see {@link SuperResolver}); scales it cannot do are reported as not applicable. */
    static Upscaler baseline(SuperResolver model) {
        return new Upscaler() {
            @Override
            public FloatImage upscale(FloatImage lr, int outH, int outW) {
                return model.upscale(lr, outH, outW);
            }

            @Override
            public boolean supports(int scale) {
                return model.supports(scale);
            }
        };
    }

    /** {@code model}'s rendering on the output's make_coord grid with cell 2/size, clamped; one encoding per call. */
    static Upscaler liif(LiifModel model) {
        return (lr, outH, outW) -> model.encode(lr).render(outH, outW, RenderMonitor.NONE);
    }

    /** {@link #liif} for a LIIF-GAN model at {@code realism} (decoder 1 + realism x decoder 2). */
    static Upscaler liif(LiifModel model, float realism) {
        return (lr, outH, outW) -> model.encode(lr, realism).render(outH, outW, RenderMonitor.NONE);
    }
}
