package org.liifviewer.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors (official state_dict names and shapes, in state_dict order) that a {@link LiifSpec} needs.
 *
 * <p>Loading is strict, like the official {@code load_state_dict(strict=True)}: every expected tensor must be
 * present with its exact shape, and any other tensor is refused, since it would mean the file was written for a
 * different architecture than its spec says. Optimizer state never lives among the model weights.
 */
public final class TensorLayout {

    private TensorLayout() {
    }

    /**
     * Expected tensor names mapped to their shapes, encoder first, then the MLP ({@code imnet.layers.*}); for
     * LM-LIIF the hyper-network ({@code hypernet.layers.*}) and then the render MLP ({@code imnet.layers.*}); a second
     * decoder's tensors follow under {@link DetailDecoder#PREFIX}.
     */
    public static Map<String, long[]> expected(LiifSpec spec) {
        Map<String, long[]> out = new LinkedHashMap<>();
        if (spec.encoder() instanceof EncoderSpec.Edsr e) {
            addEdsr(out, e);
        } else {
            addRdn(out, (EncoderSpec.Rdn) spec.encoder());
        }
        addDecoder(out, "", spec);
        if (spec.detail() != null) {
            addDecoder(out, DetailDecoder.PREFIX, spec.detail().spec());
        }
        return out;
    }

    private static void addDecoder(Map<String, long[]> out, String prefix, LiifSpec spec) {
        if (spec.modulated()) {
            addMlp(out, prefix + "hypernet.layers.", spec.hypernetInDim(), spec.hidden(), spec.hypernetOutDim());
            int[] render = spec.modulation().hiddenWidths();
            addMlp(out, prefix + "imnet.layers.", spec.renderInDim(), render, spec.outDim());
        } else {
            addMlp(out, prefix + "imnet.layers.", spec.mlpInDim(), spec.hidden(), spec.outDim());
        }
    }

    /** The official {@code MLP}'s Linear layers {@code <prefix><2i>} (odd indices are the ReLUs). */
    private static void addMlp(Map<String, long[]> out, String prefix, long in, int[] hidden, long outDim) {
        int layer = 0;
        for (int h : hidden) {
            addLayer(out, prefix + layer, h, in);
            in = h;
            layer += 2;
        }
        addLayer(out, prefix + layer, outDim, in);
    }

    /**
     * Checks that {@code weights} holds exactly the expected tensors with the expected shapes.
     *
     * @throws ModelFormatException naming the first missing, mis-shaped or unexpected tensor and the shapes
     */
    public static void check(LiifSpec spec, Weights weights) throws ModelFormatException {
        Map<String, long[]> expected = expected(spec);
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            weights.get(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Tensor> e : weights.asMap().entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                throw new ModelFormatException("unexpected tensor '" + e.getKey() + "' of shape "
                        + Arrays.toString(e.getValue().shape()) + ": not part of " + spec.describe());
            }
        }
    }

    private static void addEdsr(Map<String, long[]> out, EncoderSpec.Edsr e) {
        long f = e.nFeats();
        conv(out, "encoder.sub_mean", 3, 3, 1);
        conv(out, "encoder.add_mean", 3, 3, 1);
        conv(out, "encoder.head.0", f, 3, 3);
        for (int i = 0; i < e.nResblocks(); i++) {
            conv(out, "encoder.body." + i + ".body.0", f, f, 3);
            conv(out, "encoder.body." + i + ".body.2", f, f, 3);
        }
        conv(out, "encoder.body." + e.nResblocks(), f, f, 3);
    }

    private static void addRdn(Map<String, long[]> out, EncoderSpec.Rdn r) {
        long g0 = r.g0();
        long g = r.g();
        conv(out, "encoder.SFENet1", g0, 3, 3);
        conv(out, "encoder.SFENet2", g0, g0, 3);
        for (int i = 0; i < r.d(); i++) {
            for (int c = 0; c < r.c(); c++) {
                conv(out, "encoder.RDBs." + i + ".convs." + c + ".conv.0", g, g0 + c * g, 3);
            }
            conv(out, "encoder.RDBs." + i + ".LFF", g0, g0 + r.c() * g, 1);
        }
        conv(out, "encoder.GFF.0", g0, r.d() * g0, 1);
        conv(out, "encoder.GFF.1", g0, g0, 3);
    }

    private static void conv(Map<String, long[]> out, String name, long outCh, long inCh, long k) {
        out.put(name + ".weight", new long[] {outCh, inCh, k, k});
        out.put(name + ".bias", new long[] {outCh});
    }

    private static void addLayer(Map<String, long[]> out, String name, long outDim, long inDim) {
        out.put(name + ".weight", new long[] {outDim, inDim});
        out.put(name + ".bias", new long[] {outDim});
    }
}
