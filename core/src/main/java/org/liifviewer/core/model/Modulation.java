package org.liifviewer.core.model;

/**
 * The render MLP of a latent-modulated LIIF (LM-LIIF, He and Jin, CVPR 2024): {@code depth} hidden layers of
 * {@code width} units whose pre-activations are scaled by {@code 1 + s} and shifted by {@code t}, where s and t come
 * from the hyper-network's output for the latent code being read. The hyper-network's output also carries the
 * render MLP's own compressed latent input ({@code width} values, LMF's {@code mod_input}).
 *
 * @param depth hidden layers of the render MLP (LMF: 6)
 * @param width units per hidden layer (LMF: 16)
 * @param scale whether each hidden layer is scaled
 * @param shift whether each hidden layer is shifted
 */
public record Modulation(int depth, int width, boolean scale, boolean shift) {

    public Modulation {
        if (depth < 1 || width < 1) {
            throw new IllegalArgumentException("the render MLP needs at least one hidden layer of at least one unit");
        }
        if (!scale && !shift) {
            throw new IllegalArgumentException("a modulated render MLP scales or shifts its layers");
        }
    }

    /** The render MLP's hidden widths: {@code depth} layers of {@code width}. */
    public int[] hiddenWidths() {
        int[] widths = new int[depth];
        java.util.Arrays.fill(widths, width);
        return widths;
    }

    /** Modulation values per latent code: {@code depth * width} scales, then as many shifts. */
    public int modulationDim() {
        return depth * width * ((scale ? 1 : 0) + (shift ? 1 : 0));
    }

    /** Offset of layer {@code l}'s scales in the hyper-network output. */
    public int scaleOffset(int layer) {
        return layer * width;
    }

    /** Offset of layer {@code l}'s shifts in the hyper-network output. */
    public int shiftOffset(int layer) {
        return (scale ? depth * width : 0) + layer * width;
    }

    /** Offset of the render MLP's compressed latent input in the hyper-network output. */
    public int inputOffset() {
        return modulationDim();
    }
}
