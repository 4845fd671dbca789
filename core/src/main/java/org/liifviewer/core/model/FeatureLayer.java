package org.liifviewer.core.model;

/**
 * Which encoder layer a decoder reads: the last layer (the encoder's output) or, for EDSR, the residual stream after
 * {@code afterBlocks} residual blocks (a mid-layer feature map of as many channels).
 *
 * @param afterBlocks residual blocks run before the features are taken, or -1 for the last layer
 */
public record FeatureLayer(int afterBlocks) {

    /** The encoder's output. */
    public static final FeatureLayer LAST = new FeatureLayer(-1);

    private static final String BODY = "body.";

    public FeatureLayer {
        if (afterBlocks < -1) {
            throw new IllegalArgumentException("a feature layer follows 0 or more blocks, not " + afterBlocks);
        }
    }

    /** Whether this is the encoder's output. */
    public boolean last() {
        return afterBlocks < 0;
    }

    /** The name in a model's spec: {@code last} or {@code body.K} (EDSR's stream after K residual blocks). */
    public String toOfficial() {
        return last() ? "last" : BODY + afterBlocks;
    }

    /**
     * Reads {@link #toOfficial()}'s form.
     *
     * @throws ModelFormatException if the name is neither {@code last} nor {@code body.K}
     */
    public static FeatureLayer parse(Object name) throws ModelFormatException {
        if ("last".equals(name)) {
            return LAST;
        }
        if (name instanceof String s && s.startsWith(BODY)) {
            try {
                int blocks = Integer.parseInt(s.substring(BODY.length()));
                if (blocks >= 0) {
                    return new FeatureLayer(blocks);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ModelFormatException("the feature layer is " + (name instanceof String s ? "'" + s + "'" : name)
                + ", not 'last' or 'body.K' (the stream after K residual blocks)");
    }

    /** For humans: {@code last-layer} or {@code mid-layer (after 8 blocks)}. */
    public String describe() {
        return last() ? "last-layer" : "mid-layer (after " + afterBlocks + " blocks)";
    }
}
