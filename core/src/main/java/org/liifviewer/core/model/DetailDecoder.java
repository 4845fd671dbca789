package org.liifviewer.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LIIF-GAN's second decoder (Kang and Ahn, BMVC 2022): it reads the encoder's last layer and adds detail to the first
 * decoder's output, {@code output = decoder 1 + realism * decoder 2}. Its tensors are named like a first decoder's
 * under the prefix {@value #PREFIX} (e.g. {@code decoder2.imnet.layers.0.weight}); it shares the encoder.
 *
 * @param spec          the second decoder: a LIIF MLP or LM-LIIF decoder on the shared encoder, without a detail
 *                      decoder of its own
 * @param baseFeatures  the encoder layer the first decoder reads (LIIF-GAN: a mid layer; -SF: the last layer)
 * @param realism       the default weight of the second decoder, in [0, 1]
 */
public record DetailDecoder(LiifSpec spec, FeatureLayer baseFeatures, float realism) {

    /** Name prefix of the second decoder's tensors. */
    public static final String PREFIX = "decoder2.";

    public DetailDecoder {
        if (spec.detail() != null) {
            throw new IllegalArgumentException("the second decoder cannot have a detail decoder itself");
        }
        if (!(realism >= 0f && realism <= 1f)) {
            throw new IllegalArgumentException("realism " + realism + " is outside [0, 1]");
        }
    }

    /** The weights the second decoder reads under a first decoder's names: the encoder's and the unprefixed own. */
    public static Weights weightsOf(Weights all) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        all.asMap().forEach((name, tensor) -> {
            if (name.startsWith("encoder.")) {
                out.put(name, tensor);
            } else if (name.startsWith(PREFIX)) {
                out.put(name.substring(PREFIX.length()), tensor);
            }
        });
        return new Weights(out);
    }

    /** The weights the first decoder reads: all but the second decoder's. */
    public static Weights baseWeightsOf(Weights all) {
        Map<String, Tensor> out = new LinkedHashMap<>(all.asMap());
        out.keySet().removeIf(name -> name.startsWith(PREFIX));
        return new Weights(out);
    }
}
