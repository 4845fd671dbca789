package org.liifviewer.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture of a LIIF model: encoder, decoder and the three switches of the paper. The decoder is LIIF's
 * MLP ({@code modulation == null}) or LM-LIIF's pair of a hyper-network, run once per latent code, and a small
 * modulated render MLP, run per query ({@link Modulation}). A LIIF-GAN model adds a second decoder whose output,
 * weighted by the realism, is added to this one's ({@link DetailDecoder}); the other components then describe the
 * first decoder.
 *
 * @param encoder       the encoder architecture
 * @param hidden        hidden widths of the MLP (e.g. 256,256,256,256); for LM-LIIF those of the hyper-network
 * @param outDim        output width (3 for RGB)
 * @param localEnsemble whether the 4 nearest latent codes are blended by area weights
 * @param featUnfold    whether each latent code is the 3x3 neighbourhood of the feature map
 * @param cellDecode    whether the query's cell size is an input of the decoder
 * @param modulation    LM-LIIF's render MLP, or null for LIIF's MLP
 * @param detail        LIIF-GAN's second decoder, or null for a model with one decoder
 */
public record LiifSpec(EncoderSpec encoder, int[] hidden, int outDim, boolean localEnsemble, boolean featUnfold,
                       boolean cellDecode, Modulation modulation, DetailDecoder detail) {

    /** Name of a two-decoder model's spec. */
    public static final String LIIF_GAN = "liif-gan";

    public LiifSpec {
        hidden = hidden.clone();
        if (detail != null && !detail.spec().encoder().equals(encoder)) {
            throw new IllegalArgumentException("the second decoder's spec names another encoder");
        }
    }

    /** A model with one decoder: LIIF's MLP or, with a modulation, LM-LIIF's. */
    public LiifSpec(EncoderSpec encoder, int[] hidden, int outDim,
                    boolean localEnsemble, boolean featUnfold, boolean cellDecode, Modulation modulation) {
        this(encoder, hidden, outDim, localEnsemble, featUnfold, cellDecode, modulation, null);
    }

    /** A LIIF model (the MLP decoder). */
    public LiifSpec(EncoderSpec encoder, int[] hidden, int outDim,
                    boolean localEnsemble, boolean featUnfold, boolean cellDecode) {
        this(encoder, hidden, outDim, localEnsemble, featUnfold, cellDecode, null);
    }

    /** This model with {@code detail} as its second decoder. */
    public LiifSpec withDetail(DetailDecoder detail) {
        return new LiifSpec(encoder, hidden, outDim, localEnsemble, featUnfold, cellDecode, modulation, detail);
    }

    /** The first decoder alone, as a one-decoder model. */
    public LiifSpec base() {
        return withDetail(null);
    }

    /** Whether the decoder is LM-LIIF's hyper-network and modulated render MLP. */
    public boolean modulated() {
        return modulation != null;
    }

    /** The decoder family's name: {@code liif} or {@code lmliif} (as in the official and LMF code). */
    public String family() {
        return modulated() ? "lmliif" : "liif";
    }

    /** LM-LIIF's hyper-network input width: the latent code and, with cell decoding, the cell (2). */
    public int hypernetInDim() {
        return latentDim() + (cellDecode ? 2 : 0);
    }

    /** LM-LIIF's hyper-network output width: the modulations and the render MLP's compressed latent input. */
    public int hypernetOutDim() {
        return modulation.modulationDim() + modulation.width();
    }

    /** LM-LIIF's render MLP input width: compressed latent, relative coordinate (2) and cell (2). */
    public int renderInDim() {
        return modulation.width() + 2 + (cellDecode ? 2 : 0);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** Width of the latent code fed to the MLP: C or 9C with feature unfolding. */
    public int latentDim() {
        return encoder.outChannels() * (featUnfold ? 9 : 1);
    }

    /** LIIF's MLP input width: latent code, relative coordinate (2) and, with cell decoding, the cell (2). */
    public int mlpInDim() {
        return latentDim() + 2 + (cellDecode ? 2 : 0);
    }

    /**
     * The official model spec ({@code name: liif, args: {...}}), as stored in official checkpoints; for LM-LIIF the
     * LMF code's ({@code name: lmliif}, a {@code hypernet_spec} and an {@code lmmlp} render MLP). A two-decoder model
     * is {@code {name: liif-gan, args: {base, base_features, decoder2, realism}}} where {@code base} and
     * {@code decoder2} are the two decoders' own specs.
     */
    public Map<String, Object> toOfficial() {
        if (detail != null) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("base", base().toOfficial());
            args.put("base_features", detail.baseFeatures().toOfficial());
            args.put("decoder2", detail.spec().toOfficial());
            args.put("realism", (double) detail.realism());
            return Map.of("name", LIIF_GAN, "args", args);
        }
        Map<String, Object> mlpArgs = new LinkedHashMap<>();
        mlpArgs.put("out_dim", modulated() ? hypernetOutDim() : outDim);
        mlpArgs.put("hidden_list", Arrays.stream(hidden).boxed().toList());
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("encoder_spec", encoder.toOfficial());
        if (modulated()) {
            Map<String, Object> renderArgs = new LinkedHashMap<>();
            renderArgs.put("out_dim", outDim);
            renderArgs.put("hidden_dim", modulation.width());
            renderArgs.put("hidden_depth", modulation.depth());
            renderArgs.put("mod_scale", modulation.scale());
            renderArgs.put("mod_shift", modulation.shift());
            args.put("imnet_spec", Map.of("name", "lmmlp", "args", renderArgs));
            args.put("hypernet_spec", Map.of("name", "mlp", "args", mlpArgs));
            args.put("mod_input", true);
        } else {
            args.put("imnet_spec", Map.of("name", "mlp", "args", mlpArgs));
        }
        args.put("local_ensemble", localEnsemble);
        args.put("feat_unfold", featUnfold);
        args.put("cell_decode", cellDecode);
        return Map.of("name", family(), "args", args);
    }

    /**
     * One line for humans, e.g. {@code LIIF, encoder edsr-baseline(16x64), MLP 580-256-256-256-256-3, feat_unfold
     * + local_ensemble + cell_decode}; for LM-LIIF the hyper-network and the render MLP; for LIIF-GAN both decoders,
     * the features they read and the default realism.
     */
    public String describe() {
        if (detail == null) {
            return familyName() + ", encoder " + encoder.describe() + ", " + describeDecoder();
        }
        LiifSpec second = detail.spec();
        return "LIIF-GAN, encoder " + encoder.describe() + "; decoder 1 on " + detail.baseFeatures().describe()
                + " features: " + familyName() + " " + describeDecoder() + "; decoder 2 on last-layer features: "
                + second.familyName() + " " + second.describeDecoder()
                + "; output = decoder 1 + realism x decoder 2, default realism " + detail.realism();
    }

    private String familyName() {
        return modulated() ? "LM-LIIF" : "LIIF";
    }

    /** The decoder's layers and flags, e.g. {@code MLP 580-256-3, feat_unfold + local_ensemble + cell_decode}. */
    private String describeDecoder() {
        String decoder = modulated()
                ? "hyper-network " + widths(hypernetInDim(), hidden, hypernetOutDim()) + ", render MLP "
                        + widths(renderInDim(), modulation.hiddenWidths(), outDim) + " with "
                        + (modulation.scale() && modulation.shift() ? "scale and shift"
                                : modulation.scale() ? "scale" : "shift") + " modulation"
                : "MLP " + widths(mlpInDim(), hidden, outDim);
        List<String> flags = new java.util.ArrayList<>();
        if (featUnfold) {
            flags.add("feat_unfold");
        }
        if (localEnsemble) {
            flags.add("local_ensemble");
        }
        if (cellDecode) {
            flags.add("cell_decode");
        }
        return decoder + ", " + (flags.isEmpty() ? "no flags" : String.join(" + ", flags));
    }

    private static String widths(int in, int[] hidden, int out) {
        StringBuilder s = new StringBuilder().append(in);
        for (int h : hidden) {
            s.append('-').append(h);
        }
        return s.append('-').append(out).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiifSpec s && encoder.equals(s.encoder) && Arrays.equals(hidden, s.hidden)
                && outDim == s.outDim && localEnsemble == s.localEnsemble && featUnfold == s.featUnfold
                && cellDecode == s.cellDecode && java.util.Objects.equals(modulation, s.modulation)
                && java.util.Objects.equals(detail, s.detail);
    }

    @Override
    public int hashCode() {
        return encoder.hashCode() * 31 + Arrays.hashCode(hidden);
    }
}
