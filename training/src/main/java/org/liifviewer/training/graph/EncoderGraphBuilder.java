package org.liifviewer.training.graph;

import org.liifviewer.core.model.EncoderSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Adds an EDSR or RDN encoder (no up-sampler, NCHW, official tensor names) to a SameDiff graph. */
public final class EncoderGraphBuilder {

    private final SameDiff sd;
    private final Function<String, SDVariable> parameter;

    /**
     * @param sd        the graph to extend
     * @param parameter the graph variable of an official tensor name
     */
    public EncoderGraphBuilder(SameDiff sd, Function<String, SDVariable> parameter) {
        this.sd = sd;
        this.parameter = parameter;
    }

    /** The feature map (B, C, H, W) of {@code input} (B, 3, H, W). */
    public SDVariable build(EncoderSpec spec, SDVariable input) {
        if (spec instanceof EncoderSpec.Edsr e) {
            return edsr(e, input);
        }
        return rdn((EncoderSpec.Rdn) spec, input);
    }

    /**
     * One latent code per feature-map position as rows (B·H·W, width): the 3x3-unfolded features in F.unfold's
     * channel order (c·9 + ky·3 + kx, zero padding) when {@code unfold}, else the features themselves.
     */
    public static SDVariable latentRows(SDVariable features, boolean unfold, int width) {
        SDVariable codes;
        if (unfold) {
            Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1).build();
            // (B, C, 3, 3, H, W) -> (B, H, W, C, 3, 3)
            codes = features.getSameDiff().cnn().im2Col(features, config).permute(0, 4, 5, 1, 2, 3);
        } else {
            codes = features.permute(0, 2, 3, 1);
        }
        return codes.reshape(-1, width);
    }

    private SDVariable edsr(EncoderSpec.Edsr spec, SDVariable input) {
        SDVariable head = conv(input, "encoder.head.0", 3);
        SDVariable x = head;
        for (int i = 0; i < spec.nResblocks(); i++) {
            String block = "encoder.body." + i + ".body.";
            SDVariable branch = conv(sd.nn().relu(conv(x, block + "0", 3), 0), block + "2", 3);
            x = (spec.resScale() == 1f ? branch : branch.mul((double) spec.resScale())).add(x);
        }
        return conv(x, "encoder.body." + spec.nResblocks(), 3).add(head);
    }

    private SDVariable rdn(EncoderSpec.Rdn spec, SDVariable input) {
        SDVariable f1 = conv(input, "encoder.SFENet1", 3);
        SDVariable x = conv(f1, "encoder.SFENet2", 3);
        List<SDVariable> blockOutputs = new ArrayList<>();
        for (int i = 0; i < spec.d(); i++) {
            SDVariable dense = x;
            for (int c = 0; c < spec.c(); c++) {
                SDVariable grown = sd.nn().relu(conv(dense, "encoder.RDBs." + i + ".convs." + c + ".conv.0", 3), 0);
                dense = sd.concat(1, dense, grown);
            }
            x = conv(dense, "encoder.RDBs." + i + ".LFF", 1).add(x);
            blockOutputs.add(x);
        }
        SDVariable fused = conv(sd.concat(1, blockOutputs.toArray(SDVariable[]::new)), "encoder.GFF.0", 1);
        return conv(fused, "encoder.GFF.1", 3).add(f1);
    }

    /** The convolution {@code <prefix>.weight} / {@code <prefix>.bias} (see {@link #conv(SDVariable, SDVariable, SDVariable, int)}). */
    public SDVariable conv(SDVariable x, String prefix, int k) {
        return conv(x, parameter.apply(prefix + ".weight"), parameter.apply(prefix + ".bias"), k);
    }

    /**
     * A k x k convolution with zero padding k/2 and bias (none if null), the weight in the official (out, in, k, k) layout. It is
     * permuted in the graph to (k, k, in, out): with {@code WeightsFormat.OIYX} M2.1 computes a correct forward but a
     * wrong weight gradient (measured: relative error ~0.4 against finite differences).
     */
    public SDVariable conv(SDVariable x, SDVariable weight, SDVariable bias, int k) {
        Conv2DConfig config = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(k / 2).pW(k / 2).dH(1).dW(1)
                .dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
        SDVariable kernel = weight.permute(2, 3, 1, 0);
        return bias == null ? sd.cnn().conv2d(x, kernel, config) : sd.cnn().conv2d(x, kernel, bias, config);
    }
}
