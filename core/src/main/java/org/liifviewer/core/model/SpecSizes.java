package org.liifviewer.core.model;

/**
 * The sizes a usable {@link LiifSpec} has: at least one channel in every layer, a finite residual scale, and three
 * outputs (RGB). A file may state zero-width layers whose tensors fit together; such a model is refused when it is
 * loaded, not when it first renders.
 */
public final class SpecSizes {

    private SpecSizes() {
    }

    /**
     * @throws ModelFormatException naming the first size that cannot work
     */
    public static void check(LiifSpec spec) throws ModelFormatException {
        if (spec.encoder() instanceof EncoderSpec.Edsr edsr) {
            atLeastOne("the encoder's feature channels (n_feats)", edsr.nFeats());
            if (!Float.isFinite(edsr.resScale())) {
                throw new ModelFormatException("the encoder's res_scale is " + edsr.resScale() + ", not a number");
            }
        } else if (spec.encoder() instanceof EncoderSpec.Rdn rdn) {
            atLeastOne("the encoder's feature channels (G0)", rdn.g0());
            atLeastOne("the encoder's dense blocks (D)", rdn.d());
            atLeastOne("the encoder's layers per block (C)", rdn.c());
            atLeastOne("the encoder's growth rate (G)", rdn.g());
        }
        int[] hidden = spec.hidden();
        for (int i = 0; i < hidden.length; i++) {
            atLeastOne("the width of hidden layer " + (i + 1) + " of the MLP", hidden[i]);
        }
        if (spec.outDim() != 3) {
            throw new ModelFormatException("the model computes " + spec.outDim() + " values per pixel, not 3 (RGB)");
        }
        if (spec.detail() != null) {
            check(spec.detail().spec());
            FeatureLayer layer = spec.detail().baseFeatures();
            if (!layer.last() && !(spec.encoder() instanceof EncoderSpec.Edsr edsr
                    && layer.afterBlocks() <= edsr.nResblocks())) {
                throw new ModelFormatException("decoder 1 reads features " + layer.toOfficial()
                        + ", which the encoder " + spec.encoder().describe() + " does not have");
            }
        }
    }

    private static void atLeastOne(String what, int value) throws ModelFormatException {
        if (value < 1) {
            throw new ModelFormatException(what + " is " + value + "; a usable model has at least 1");
        }
    }
}
