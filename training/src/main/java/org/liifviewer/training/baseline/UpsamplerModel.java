package org.liifviewer.training.baseline;

import org.liifviewer.core.encoder.Conv2d;
import org.liifviewer.core.encoder.Encoder;
import org.liifviewer.core.encoder.Encoders;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EDSR with its up-sampler on channels-last ND4J arrays: core's EDSR encoder as the trunk, then per step a conv and
 * PyTorch's PixelShuffle, then the last conv. Only its own integer scale.
 */
final class UpsamplerModel implements SuperResolver {

    private final BaselineSpec.Upsampler spec;
    private final Encoder trunk;
    private final Conv2d[] steps;
    private final Conv2d last;

    UpsamplerModel(BaselineSpec.Upsampler spec, Weights weights) throws ModelFormatException {
        this.spec = spec;
        Map<String, Tensor> prefixed = new LinkedHashMap<>();
        weights.asMap().forEach((name, t) -> prefixed.put("encoder." + name, t));
        this.trunk = Encoders.create(spec.encoder(), new Weights(prefixed));
        int f = spec.encoder().nFeats();
        int[] r = spec.steps();
        this.steps = new Conv2d[r.length];
        for (int i = 0; i < r.length; i++) {
            steps[i] = new Conv2d(weights, BaselineSpec.Upsampler.stepConv(i), f, r[i] * r[i] * f, 3);
        }
        this.last = new Conv2d(weights, spec.lastConv(), f, 3, 3);
    }

    @Override
    public boolean supports(int scale) {
        return spec.supports(scale);
    }

    @Override
    public FloatImage upscale(FloatImage lr, int outH, int outW) {
        if (outH != lr.height() * spec.scale() || outW != lr.width() * spec.scale()) {
            throw new IllegalArgumentException("the x" + spec.scale() + " up-sampler makes " + lr.height() * spec.scale()
                    + "x" + lr.width() * spec.scale() + " from " + lr.height() + "x" + lr.width() + ", not " + outH + "x"
                    + outW);
        }
        INDArray x = trunk.encodeChannelsLast(lr);
        int[] r = spec.steps();
        for (int i = 0; i < r.length; i++) {
            x = pixelShuffle(steps[i].apply(x), r[i]);
        }
        float[] rgb = last.apply(x).dup('c').data().asFloat();
        FloatImage out = FloatImage.zeros(3, outH, outW);
        int plane = outH * outW;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                out.data()[c * plane + p] = SuperResolver.toImage(rgb[p * 3 + c]);
            }
        }
        return out;
    }

    /** PyTorch's PixelShuffle on (1, H, W, C·r²): channel c·r² + i·r + j goes to pixel (h·r + i, w·r + j) of c. */
    private static INDArray pixelShuffle(INDArray x, int r) {
        long h = x.size(1);
        long w = x.size(2);
        long c = x.size(3) / (r * r);
        return x.reshape('c', 1, h, w, c, r, r).permute(0, 1, 4, 2, 5, 3).dup('c').reshape('c', 1, h * r, w * r, c);
    }
}
