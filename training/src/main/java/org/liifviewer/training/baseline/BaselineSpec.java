package org.liifviewer.training.baseline;

import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.training.graph.ParameterLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The architecture of one of the LIIF paper's baselines (Sec. 4.2). */
public sealed interface BaselineSpec permits BaselineSpec.Upsampler, BaselineSpec.MetaSr {

    /** Width of MetaSR's meta-upscale MLP hidden layer (official {@code hidden_list: [256]}). */
    int META_HIDDEN = 256;

    /** The trunk network (EDSR/RDN without up-sampler). */
    EncoderSpec encoder();

    /** Whether the model can upscale by the integer factor {@code scale}. */
    boolean supports(int scale);

    /** The trainable tensors under their official names. */
    ParameterLayout layout();

    /** The official model spec ({@code name}, {@code args}), stored in baseline model files. */
    Map<String, Object> toOfficial();

    /** One line for humans. */
    String describe();

    /**
     * EDSR with its up-sampling module (official {@code edsr-baseline} with {@code no_upsampling: false}): the EDSR
     * trunk, then {@code tail.0} = conv(n_feats, s²·n_feats) + PixelShuffle(s) for s = 2 or 3, the x2 step twice
     * ({@code tail.0.0}, {@code tail.0.2}) for 4 and three times for 8, and {@code tail.1} = conv(n_feats, 3). State_dict names are those of
     * the plain official EDSR model: {@code head.0.*}, {@code body.*}, {@code tail.*}, {@code sub_mean}/{@code add_mean}.
     */
    record Upsampler(EncoderSpec.Edsr encoder, int scale) implements BaselineSpec {

        public Upsampler {
            if (scale != 2 && scale != 3 && scale != 4 && scale != 8) {
                throw new IllegalArgumentException("the EDSR up-sampler exists for x2, x3, x4 and x8, not x" + scale);
            }
        }

        /** The pixel-shuffle steps: {3} for x3, else one x2 step per factor 2 ({2, 2} for x4). */
        public int[] steps() {
            return scale == 3 ? new int[]{3} : java.util.stream.IntStream.range(0, Integer.numberOfTrailingZeros(scale))
                    .map(i -> 2).toArray();
        }

        /** The name of the final convolution to RGB. */
        public String lastConv() {
            return "tail.1";
        }

        /** The name of the convolution of up-sampling step {@code i}. */
        public static String stepConv(int i) {
            return "tail.0." + (2 * i);
        }

        @Override
        public boolean supports(int s) {
            return s == scale;
        }

        @Override
        public ParameterLayout layout() {
            List<ParameterLayout.Entry> list = new ArrayList<>();
            ParameterLayout.addEncoder(list, encoder, "");
            int f = encoder.nFeats();
            int[] steps = steps();
            for (int i = 0; i < steps.length; i++) {
                ParameterLayout.addConv(list, stepConv(i), f, steps[i] * steps[i] * f, 3);
            }
            ParameterLayout.addConv(list, lastConv(), f, 3, 3);
            return ParameterLayout.plain(list, "");
        }

        @Override
        public Map<String, Object> toOfficial() {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("n_resblocks", encoder.nResblocks());
            args.put("n_feats", encoder.nFeats());
            args.put("res_scale", (double) encoder.resScale());
            args.put("scale", scale);
            args.put("no_upsampling", false);
            return Map.of("name", encoder.name(), "args", args);
        }

        @Override
        public String describe() {
            return encoder.describe() + " + x" + scale + " up-sampler";
        }
    }

    /**
     * MetaSR (Hu et al. 2019) as the LIIF repository's {@code metasr}: the trunk ({@code encoder.*}), 3x3 feature
     * unfold, and a meta-upscale MLP {@code imnet.layers.{0,2}} (3 → 256 → C·9·3) that predicts, from an output
     * pixel's offset inside its feature pixel and 1/scale, the weights that map the unfolded feature to RGB.
     */
    record MetaSr(EncoderSpec encoder) implements BaselineSpec {

        /** Values of one unfolded feature (C·9). */
        public int unfoldedDim() {
            return encoder.outChannels() * 9;
        }

        @Override
        public boolean supports(int scale) {
            return true;
        }

        @Override
        public ParameterLayout layout() {
            List<ParameterLayout.Entry> list = new ArrayList<>();
            ParameterLayout.addEncoder(list, encoder, "encoder.");
            ParameterLayout.addMlp(list, "imnet.layers.", 3, new int[]{META_HIDDEN}, unfoldedDim() * 3);
            return ParameterLayout.plain(list, encoder instanceof EncoderSpec.Edsr ? "encoder." : null);
        }

        @Override
        public Map<String, Object> toOfficial() {
            return Map.of("name", "metasr", "args", Map.of("encoder_spec", encoder.toOfficial()));
        }

        @Override
        public String describe() {
            return "metasr(" + encoder.describe() + ")";
        }
    }

    /** Reads {@link #toOfficial()}'s form back. */
    static BaselineSpec fromOfficial(Map<?, ?> official) throws ModelFormatException {
        Map<?, ?> args = map(official.get("args"), "args");
        if ("metasr".equals(official.get("name"))) {
            return new MetaSr(encoder(map(args.get("encoder_spec"), "encoder_spec")));
        }
        if (!(encoder(official) instanceof EncoderSpec.Edsr edsr)) {
            throw new ModelFormatException("an up-sampler baseline needs an EDSR trunk");
        }
        return new Upsampler(edsr, number(args, "scale").intValue());
    }

    private static EncoderSpec encoder(Map<?, ?> spec) throws ModelFormatException {
        Map<?, ?> args = map(spec.get("args"), "args");
        Object name = spec.get("name");
        if ("rdn".equals(name)) {
            return new EncoderSpec.Rdn(number(args, "G0").intValue(), number(args, "D").intValue(),
                    number(args, "C").intValue(), number(args, "G").intValue());
        }
        if (name instanceof String edsr && edsr.startsWith("edsr")) {
            return new EncoderSpec.Edsr(edsr, number(args, "n_resblocks").intValue(), number(args, "n_feats").intValue(),
                    number(args, "res_scale").floatValue());
        }
        throw new ModelFormatException("unknown baseline trunk '" + name + "'");
    }

    private static Map<?, ?> map(Object v, String what) throws ModelFormatException {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new ModelFormatException("baseline spec: '" + what + "' is not an object");
    }

    private static Number number(Map<?, ?> args, String key) throws ModelFormatException {
        if (args.get(key) instanceof Number n) {
            return n;
        }
        throw new ModelFormatException("baseline spec: '" + key + "' is not a number");
    }
}
