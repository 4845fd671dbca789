package org.liifviewer.core.model.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

/**
 * Reads the official model spec ({@code {name: liif, args: {encoder_spec, imnet_spec, flags}}}, or the LMF code's
 * {@code lmliif} with a {@code hypernet_spec}, or our two-decoder {@code liif-gan}, see {@link LiifSpec#toOfficial()})
 * together with the weights. Official specs are often partial (e.g. only {@code no_upsampling: True}), so depths and widths are
 * read from the tensors; any value the spec does state must agree with them. Missing flags default to true,
 * like the official code. Numbers may come from a pickle ({@link Long}) or JSON (any {@link Number}).
 */
public final class OfficialSpec {

    private OfficialSpec() {
    }

    /**
     * Builds the {@link LiifSpec} described by {@code official} and {@code weights}.
     *
     * @throws ModelFormatException if the spec is not LIIF or LM-LIIF with a supported encoder, or contradicts the
     *                              weights
     */
    public static LiifSpec parse(Map<?, ?> official, Weights weights) throws ModelFormatException {
        Object name = official.get("name");
        if (LiifSpec.LIIF_GAN.equals(name)) {
            return twoDecoders(map(official, "args"), weights);
        }
        if (!"liif".equals(name) && !"lmliif".equals(name)) {
            throw new ModelFormatException("the model is " + show(name) + ", not 'liif', 'lmliif' or 'liif-gan'");
        }
        Map<?, ?> args = map(official, "args");
        EncoderSpec encoder = encoder(map(args, "encoder_spec"), weights);
        boolean ensemble = flag(args, "local_ensemble");
        boolean unfold = flag(args, "feat_unfold");
        boolean cell = flag(args, "cell_decode");
        return "lmliif".equals(name) ? modulated(args, encoder, weights, ensemble, unfold, cell)
                : plain(args, encoder, weights, ensemble, unfold, cell);
    }

    /** LIIF-GAN: two one-decoder specs, the second one's tensors under {@link DetailDecoder#PREFIX}. */
    private static LiifSpec twoDecoders(Map<?, ?> args, Weights weights) throws ModelFormatException {
        LiifSpec base = parse(map(args, "base"), DetailDecoder.baseWeightsOf(weights));
        LiifSpec second = parse(map(args, "decoder2"), DetailDecoder.weightsOf(weights));
        if (base.detail() != null || second.detail() != null) {
            throw new ModelFormatException("a decoder of a 'liif-gan' model is itself a 'liif-gan' model");
        }
        if (!second.encoder().equals(base.encoder())) {
            throw new ModelFormatException("decoder 2's spec names the encoder " + second.encoder().describe()
                    + " but the model's is " + base.encoder().describe());
        }
        double realism = number(args.get("realism"), "realism");
        if (!(realism >= 0 && realism <= 1)) {
            throw new ModelFormatException("the realism is " + realism + ", outside [0, 1]");
        }
        return base.withDetail(new DetailDecoder(second, FeatureLayer.parse(args.get("base_features")),
                (float) realism));
    }

    private static LiifSpec plain(Map<?, ?> args, EncoderSpec encoder, Weights weights, boolean ensemble,
                                  boolean unfold, boolean cell) throws ModelFormatException {
        List<Long> widths = mlp(map(args, "imnet_spec"), "imnet.layers.", weights);
        int outDim = widths.get(widths.size() - 1).intValue();
        LiifSpec spec = new LiifSpec(encoder, hidden(widths), outDim, ensemble, unfold, cell);
        inputWidth(weights, "imnet.layers.0.weight", spec.mlpInDim(), "MLP", spec);
        return spec;
    }

    /** LM-LIIF as the LMF code states it: a hyper-network {@code mlp} and an {@code lmmlp} render MLP. */
    private static LiifSpec modulated(Map<?, ?> args, EncoderSpec encoder, Weights weights, boolean ensemble,
                                      boolean unfold, boolean cell) throws ModelFormatException {
        if (!Boolean.TRUE.equals(args.get("mod_input"))) {
            throw new ModelFormatException("only LM-LIIF with mod_input = true (the published configuration) is"
                    + " supported");
        }
        List<Long> hyper = mlp(map(args, "hypernet_spec"), "hypernet.layers.", weights);
        Map<?, ?> imnet = map(args, "imnet_spec");
        if (!"lmmlp".equals(imnet.get("name"))) {
            throw new ModelFormatException("the render MLP is " + show(imnet.get("name")) + ", not 'lmmlp'");
        }
        Map<?, ?> renderArgs = map(imnet, "args");
        List<Long> render = widths(weights, "imnet.layers.");
        long width = render.get(0);
        for (int i = 0; i < render.size() - 1; i++) {
            if (render.get(i) != width) {
                throw new ModelFormatException("the render MLP's hidden layers differ in width: " + render);
            }
        }
        agree("hidden_dim", optionalInt(renderArgs, "hidden_dim"), width);
        agree("hidden_depth", optionalInt(renderArgs, "hidden_depth"), (long) render.size() - 1);
        agree("out_dim", optionalInt(renderArgs, "out_dim"), render.get(render.size() - 1));
        Modulation modulation;
        try {
            modulation = new Modulation(render.size() - 1, (int) width, flag(renderArgs, "mod_scale"),
                    flag(renderArgs, "mod_shift"));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(e.getMessage());
        }
        LiifSpec spec = new LiifSpec(encoder, hidden(hyper), render.get(render.size() - 1).intValue(), ensemble,
                unfold, cell, modulation);
        agree("the hyper-network's out_dim", hyper.get(hyper.size() - 1), (long) spec.hypernetOutDim());
        inputWidth(weights, "hypernet.layers.0.weight", spec.hypernetInDim(), "hyper-network", spec);
        inputWidth(weights, "imnet.layers.0.weight", spec.renderInDim(), "render MLP", spec);
        return spec;
    }

    /** The widths of an official {@code mlp} block's layers (from the tensors), checked against what it states. */
    private static List<Long> mlp(Map<?, ?> block, String prefix, Weights weights) throws ModelFormatException {
        if (!"mlp".equals(block.get("name"))) {
            throw new ModelFormatException("the decoder is " + show(block.get("name")) + ", not 'mlp'");
        }
        Map<?, ?> mlpArgs = map(block, "args");
        List<Long> widths = widths(weights, prefix);
        if (mlpArgs.containsKey("hidden_list")) {
            List<Long> stated = new ArrayList<>();
            for (Object h : list(mlpArgs, "hidden_list")) {
                stated.add(integer(h, "hidden_list"));
            }
            agree("hidden_list", stated, widths.subList(0, widths.size() - 1));
        }
        agree("out_dim", optionalInt(mlpArgs, "out_dim"), widths.get(widths.size() - 1));
        return widths;
    }

    /** Output widths of the Linear layers {@code <prefix>0, <prefix>2, ...} present in the weights. */
    private static List<Long> widths(Weights weights, String prefix) throws ModelFormatException {
        List<Long> widths = new ArrayList<>();
        for (int k = 0; weights.contains(prefix + 2 * k + ".weight"); k++) {
            widths.add(rank(weights.get(prefix + 2 * k + ".weight"), 2, prefix + 2 * k).dim(0));
        }
        if (widths.isEmpty()) {
            throw new ModelFormatException("model file lacks the tensor '" + prefix + "0.weight'");
        }
        return widths;
    }

    private static int[] hidden(List<Long> widths) {
        return widths.subList(0, widths.size() - 1).stream().mapToInt(Long::intValue).toArray();
    }

    private static void inputWidth(Weights weights, String tensor, int needed, String what, LiifSpec spec)
            throws ModelFormatException {
        long inDim = weights.get(tensor).dim(1);
        if (inDim != needed) {
            throw new ModelFormatException("the " + what + " input width is " + inDim + " but "
                    + spec.encoder().outChannels() + " feature channels with feat_unfold=" + spec.featUnfold()
                    + " and cell_decode=" + spec.cellDecode() + " need " + needed);
        }
    }

    private static EncoderSpec encoder(Map<?, ?> spec, Weights w) throws ModelFormatException {
        Object name = spec.get("name");
        Map<?, ?> args = map(spec, "args");
        if (!Boolean.TRUE.equals(args.get("no_upsampling"))) {
            throw new ModelFormatException("the encoder has an up-sampler (no_upsampling is not true);"
                    + " LIIF encoders keep the input size");
        }
        if ("edsr-baseline".equals(name) || "edsr".equals(name)) {
            long nFeats = rank(w.get("encoder.head.0.weight"), 4, "encoder.head.0").dim(0);
            long nResblocks = count(w, "encoder.body.%d.body.0.weight");
            agree("n_feats", optionalInt(args, "n_feats"), nFeats);
            agree("n_resblocks", optionalInt(args, "n_resblocks"), nResblocks);
            double defaultScale = "edsr".equals(name) ? 0.1 : 1.0;
            double resScale = args.containsKey("res_scale") ? number(args.get("res_scale"), "res_scale") : defaultScale;
            return new EncoderSpec.Edsr((String) name, (int) nResblocks, (int) nFeats, (float) resScale);
        }
        if ("rdn".equals(name)) {
            agree("RDNkSize", optionalInt(args, "RDNkSize"), 3L);
            long g0 = rank(w.get("encoder.SFENet1.weight"), 4, "encoder.SFENet1").dim(0);
            long d = count(w, "encoder.RDBs.%d.convs.0.conv.0.weight");
            long c = count(w, "encoder.RDBs.0.convs.%d.conv.0.weight");
            long g = d == 0 ? 0 : rank(w.get("encoder.RDBs.0.convs.0.conv.0.weight"), 4, "encoder.RDBs.0").dim(0);
            agree("G0", optionalInt(args, "G0"), g0);
            Object config = args.get("RDNconfig");
            if (config != null) {
                List<Long> dcg = switch (config instanceof String s ? s : "") {
                    case "A" -> List.of(20L, 6L, 32L);
                    case "B" -> List.of(16L, 8L, 64L);
                    default -> throw new ModelFormatException("unknown RDNconfig " + show(config));
                };
                agree("RDNconfig " + config + " (D, C, G)", dcg, List.of(d, c, g));
            }
            agree("D", optionalInt(args, "D"), d);
            agree("C", optionalInt(args, "C"), c);
            agree("G", optionalInt(args, "G"), g);
            return new EncoderSpec.Rdn((int) g0, (int) d, (int) c, (int) g);
        }
        throw new ModelFormatException("unsupported encoder " + show(name) + " (edsr-baseline, edsr and rdn are)");
    }

    /** How many consecutive indices 0, 1, 2, ... have a tensor named by {@code pattern}. */
    private static long count(Weights w, String pattern) {
        int n = 0;
        while (w.contains(String.format(pattern, n))) {
            n++;
        }
        return n;
    }

    private static Tensor rank(Tensor t, int rank, String layer) throws ModelFormatException {
        if (t.rank() != rank) {
            throw new ModelFormatException("the weight of " + layer + " has " + t.rank() + " dimensions, expected "
                    + rank);
        }
        return t;
    }

    private static void agree(String what, Object stated, Object fromWeights) throws ModelFormatException {
        if (stated != null && !stated.equals(fromWeights)) {
            throw new ModelFormatException("the spec says " + what + " = " + stated + " but the weights have "
                    + fromWeights);
        }
    }

    private static boolean flag(Map<?, ?> args, String key) throws ModelFormatException {
        Object v = args.get(key);
        if (v == null) {
            return true;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ModelFormatException("'" + key + "' is " + show(v) + ", not a boolean");
    }

    private static Long optionalInt(Map<?, ?> args, String key) throws ModelFormatException {
        Object v = args.get(key);
        return v == null ? null : integer(v, key);
    }

    private static long integer(Object v, String what) throws ModelFormatException {
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return ((Number) v).longValue();
        }
        throw new ModelFormatException("'" + what + "' is " + show(v) + ", not an integer");
    }

    private static double number(Object v, String what) throws ModelFormatException {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new ModelFormatException("'" + what + "' is " + show(v) + ", not a number");
    }

    /** A value for a message: scalars as such, containers (possibly cyclic in a hostile file) by type only. */
    private static String show(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        return v == null || v instanceof Number || v instanceof Boolean ? String.valueOf(v) : PythonTypes.describe(v);
    }

    private static Map<?, ?> map(Map<?, ?> parent, String key) throws ModelFormatException {
        if (parent.get(key) instanceof Map<?, ?> m) {
            return m;
        }
        throw new ModelFormatException("the model spec lacks the '" + key + "' block");
    }

    private static List<?> list(Map<?, ?> parent, String key) throws ModelFormatException {
        if (parent.get(key) instanceof List<?> l) {
            return l;
        }
        throw new ModelFormatException("'" + key + "' is not a list");
    }
}
