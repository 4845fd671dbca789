package org.liifviewer.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture of a LIIF model: encoder, MLP widths and the three switches of the paper.
 *
 * @param encoder       the encoder architecture
 * @param hidden        hidden widths of the MLP (e.g. 256,256,256,256)
 * @param outDim        MLP output width (3 for RGB)
 * @param localEnsemble whether the 4 nearest latent codes are blended by area weights
 * @param featUnfold    whether each latent code is the 3x3 neighbourhood of the feature map
 * @param cellDecode    whether the query's cell size is an input of the MLP
 */
public record LiifSpec(EncoderSpec encoder, int[] hidden, int outDim,
                       boolean localEnsemble, boolean featUnfold, boolean cellDecode) {

    public LiifSpec {
        hidden = hidden.clone();
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** Width of the latent code fed to the MLP: C or 9C with feature unfolding. */
    public int latentDim() {
        return encoder.outChannels() * (featUnfold ? 9 : 1);
    }

    /** MLP input width: latent code, relative coordinate (2) and, with cell decoding, the cell (2). */
    public int mlpInDim() {
        return latentDim() + 2 + (cellDecode ? 2 : 0);
    }

    /** The official model spec ({@code name: liif, args: {...}}), as stored in official checkpoints. */
    public Map<String, Object> toOfficial() {
        Map<String, Object> imnetArgs = new LinkedHashMap<>();
        imnetArgs.put("out_dim", outDim);
        imnetArgs.put("hidden_list", Arrays.stream(hidden).boxed().toList());
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("encoder_spec", encoder.toOfficial());
        args.put("imnet_spec", Map.of("name", "mlp", "args", imnetArgs));
        args.put("local_ensemble", localEnsemble);
        args.put("feat_unfold", featUnfold);
        args.put("cell_decode", cellDecode);
        return Map.of("name", "liif", "args", args);
    }

    /** One line for humans, e.g. {@code LIIF edsr-baseline(16x64) MLP 580-256-256-256-256-3 [unfold, ensemble, cell]}. */
    public String describe() {
        String enc = encoder.describe();
        StringBuilder mlp = new StringBuilder().append(mlpInDim());
        for (int h : hidden) {
            mlp.append('-').append(h);
        }
        mlp.append('-').append(outDim);
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
        return "LIIF, encoder " + enc + ", MLP " + mlp + ", " + (flags.isEmpty() ? "no flags" : String.join(" + ", flags));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiifSpec s && encoder.equals(s.encoder) && Arrays.equals(hidden, s.hidden)
                && outDim == s.outDim && localEnsemble == s.localEnsemble && featUnfold == s.featUnfold
                && cellDecode == s.cellDecode;
    }

    @Override
    public int hashCode() {
        return encoder.hashCode() * 31 + Arrays.hashCode(hidden);
    }
}
