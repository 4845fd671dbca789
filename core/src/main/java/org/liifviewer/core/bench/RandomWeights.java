package org.liifviewer.core.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

/**
 * Seeded random weights for a LIIF architecture, drawn like PyTorch's default initialisation
 * (uniform in ±1/sqrt(fan_in)), for benchmarks and tests that need a full-size model but not a trained one.
 */
public final class RandomWeights {

    private RandomWeights() {
    }

    /** The official full-size EDSR-baseline-LIIF: 16 blocks x 64 features, MLP 580-256x4-3, all flags on. */
    public static LiifSpec fullSizeEdsrBaselineLiif() {
        return new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 16, 64, 1f), new int[] {256, 256, 256, 256}, 3,
                true, true, true);
    }

    /**
     * LM-LIIF as LMF publishes it on the same encoder: hyper-network 578-208-208, render MLP of 6 hidden layers of
     * 16 units with scale and shift modulation, all flags on.
     */
    public static LiifSpec fullSizeEdsrBaselineLmLiif() {
        return new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 16, 64, 1f), new int[] {208}, 3, true, true, true,
                new Modulation(6, 16, true, true));
    }

    /** Weights with every tensor {@code spec} needs (EDSR's mean shift included), under the official names. */
    public static Weights of(LiifSpec spec, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        if (spec.encoder() instanceof EncoderSpec.Edsr e) {
            int f = e.nFeats();
            meanShift(m, "encoder.sub_mean", -1);
            meanShift(m, "encoder.add_mean", 1);
            conv(m, rnd, "encoder.head.0", 3, f, 3);
            for (int i = 0; i < e.nResblocks(); i++) {
                conv(m, rnd, "encoder.body." + i + ".body.0", f, f, 3);
                conv(m, rnd, "encoder.body." + i + ".body.2", f, f, 3);
            }
            conv(m, rnd, "encoder.body." + e.nResblocks(), f, f, 3);
        } else {
            EncoderSpec.Rdn r = (EncoderSpec.Rdn) spec.encoder();
            conv(m, rnd, "encoder.SFENet1", 3, r.g0(), 3);
            conv(m, rnd, "encoder.SFENet2", r.g0(), r.g0(), 3);
            for (int i = 0; i < r.d(); i++) {
                for (int c = 0; c < r.c(); c++) {
                    conv(m, rnd, "encoder.RDBs." + i + ".convs." + c + ".conv.0", r.g0() + c * r.g(), r.g(), 3);
                }
                conv(m, rnd, "encoder.RDBs." + i + ".LFF", r.g0() + r.c() * r.g(), r.g0(), 1);
            }
            conv(m, rnd, "encoder.GFF.0", r.d() * r.g0(), r.g0(), 1);
            conv(m, rnd, "encoder.GFF.1", r.g0(), r.g0(), 3);
        }
        decoder(m, rnd, "", spec);
        if (spec.detail() != null) {
            decoder(m, rnd, DetailDecoder.PREFIX, spec.detail().spec());
        }
        return new Weights(m);
    }

    private static void decoder(Map<String, Tensor> m, SplittableRandom rnd, String prefix, LiifSpec spec) {
        if (spec.modulated()) {
            mlp(m, rnd, prefix + "hypernet.layers.", spec.hypernetInDim(), spec.hidden(), spec.hypernetOutDim());
            int[] render = spec.modulation().hiddenWidths();
            mlp(m, rnd, prefix + "imnet.layers.", spec.renderInDim(), render, spec.outDim());
        } else {
            mlp(m, rnd, prefix + "imnet.layers.", spec.mlpInDim(), spec.hidden(), spec.outDim());
        }
    }

    private static void mlp(Map<String, Tensor> m, SplittableRandom rnd, String prefix, int in, int[] hidden,
                            int outDim) {
        for (int i = 0; i <= hidden.length; i++) {
            int out = i < hidden.length ? hidden[i] : outDim;
            m.put(prefix + 2 * i + ".weight", uniform(rnd, in, out, in));
            m.put(prefix + 2 * i + ".bias", uniform(rnd, in, out));
            in = out;
        }
    }

    /** EDSR's fixed mean shift (identity, ± the DIV2K RGB mean), as in the official state_dict. */
    private static void meanShift(Map<String, Tensor> m, String name, int sign) {
        float[] eye = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        m.put(name + ".weight", new Tensor(new long[] {3, 3, 1, 1}, eye));
        m.put(name + ".bias", new Tensor(new long[] {3}, new float[] {sign * 0.4488f, sign * 0.4371f, sign * 0.4040f}));
    }

    private static void conv(Map<String, Tensor> m, SplittableRandom rnd, String name, int in, int out, int k) {
        m.put(name + ".weight", uniform(rnd, in * k * k, out, in, k, k));
        m.put(name + ".bias", uniform(rnd, in * k * k, out));
    }

    private static Tensor uniform(SplittableRandom rnd, int fanIn, long... shape) {
        float[] d = new float[(int) Tensor.numel(shape)];
        double bound = 1.0 / Math.sqrt(fanIn);
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        }
        return new Tensor(shape, d);
    }
}
