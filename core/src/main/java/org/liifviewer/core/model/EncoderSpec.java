package org.liifviewer.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Architecture of a LIIF encoder (always without up-sampler: the output has the input's height and width). */
public sealed interface EncoderSpec permits EncoderSpec.Edsr, EncoderSpec.Rdn {

    /** Number of channels of the feature map. */
    int outChannels();

    /** How many input pixels beyond a tile's border influence its features (the receptive-field radius). */
    int receptiveRadius();

    /** One line for humans, e.g. {@code edsr-baseline(16 blocks x 64 feats)}. */
    String describe();

    /** The official {@code encoder_spec} block ({@code name} and {@code args}). */
    Map<String, Object> toOfficial();

    /**
     * EDSR (baseline: 16 blocks, 64 features, res_scale 1): head conv, residual blocks, body conv, global skip.
     *
     * @param name       official model name, {@code edsr-baseline} or {@code edsr}
     * @param nResblocks number of residual blocks
     * @param nFeats     feature channels
     * @param resScale   residual scaling inside each block
     */
    record Edsr(String name, int nResblocks, int nFeats, float resScale) implements EncoderSpec {
        @Override
        public int outChannels() {
            return nFeats;
        }

        @Override
        public int receptiveRadius() {
            return 2 * nResblocks + 2; // every 3x3 conv widens by one pixel: head, 2 per block, body tail
        }

        @Override
        public String describe() {
            return name + "(" + nResblocks + " blocks x " + nFeats + " feats)";
        }

        @Override
        public Map<String, Object> toOfficial() {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("n_resblocks", nResblocks);
            args.put("n_feats", nFeats);
            args.put("res_scale", (double) resScale);
            args.put("no_upsampling", true);
            return Map.of("name", name, "args", args);
        }
    }

    /**
     * RDN: shallow feature extraction, {@code d} residual dense blocks of {@code c} conv layers with growth
     * {@code g}, global feature fusion.
     */
    record Rdn(int g0, int d, int c, int g) implements EncoderSpec {
        @Override
        public int outChannels() {
            return g0;
        }

        @Override
        public int receptiveRadius() {
            return 2 + d * c + 1; // SFENet1, SFENet2, c 3x3 convs per block, the final 3x3 of GFF
        }

        @Override
        public String describe() {
            return "rdn(G0=" + g0 + ", D=" + d + ", C=" + c + ", G=" + g + ")";
        }

        @Override
        public Map<String, Object> toOfficial() {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("G0", g0);
            args.put("D", d);
            args.put("C", c);
            args.put("G", g);
            args.put("no_upsampling", true);
            return Map.of("name", "rdn", "args", args);
        }
    }
}
