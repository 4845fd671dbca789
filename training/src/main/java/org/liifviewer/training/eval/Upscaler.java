package org.liifviewer.training.eval;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.MatlabImresize;
import org.liifviewer.core.liif.LiifModel;
import org.liifviewer.core.render.RenderMonitor;

/** Upscales an LR input to exactly the size of its HR crop. */
@FunctionalInterface
public interface Upscaler {

    /** The upscaled RGB image, {@code outH x outW}, values in [0, 1]. */
    FloatImage upscale(FloatImage lr, int outH, int outW);

    /** MATLAB {@code imresize} bicubic, 8-bit output: the literature's bicubic baseline. */
    static Upscaler matlabBicubic() {
        return MatlabImresize::resize;
    }

    /** {@code model}'s rendering on the output's make_coord grid with cell 2/size, clamped; one encoding per call. */
    static Upscaler liif(LiifModel model) {
        return (lr, outH, outW) -> model.encode(lr).render(outH, outW, RenderMonitor.NONE);
    }
}
