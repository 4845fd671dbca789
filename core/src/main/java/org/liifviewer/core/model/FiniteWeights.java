package org.liifviewer.core.model;

/**
 * Weights that are all finite numbers. A NaN or an infinity in any weight spreads through the network and turns
 * the picture black or blank, so a model holding one is refused when it is loaded.
 */
public final class FiniteWeights {

    private FiniteWeights() {
    }

    /**
     * @throws ModelFormatException naming the first tensor that holds a NaN or an infinite value
     */
    public static void check(Weights weights) throws ModelFormatException {
        for (var entry : weights.asMap().entrySet()) {
            float[] data = entry.getValue().data();
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    throw new ModelFormatException("the weights are damaged: tensor '" + entry.getKey() + "' holds "
                            + (Float.isNaN(data[i]) ? "NaN (not a number)" : "an infinite value") + " at position "
                            + i + " of " + data.length);
                }
            }
        }
    }
}
