package org.liifviewer.core.image;

/**
 * How LIIF's {@code utils.calc_psnr} measures an image pair.
 *
 * @param shave    pixels dropped on every border
 * @param yChannel whether the difference is reduced to BT.601 luma first
 */
public record PsnrProtocol(int shave, boolean yChannel) {

    public PsnrProtocol {
        if (shave < 0) {
            throw new IllegalArgumentException("shave must be >= 0, got " + shave);
        }
    }

    /** No eval_type (training validation, CelebA): whole image, RGB. */
    public static PsnrProtocol rgb() {
        return new PsnrProtocol(0, false);
    }

    /** {@code div2k-S}: shave S + 6, RGB. */
    public static PsnrProtocol div2k(int scale) {
        return new PsnrProtocol(scale + 6, false);
    }

    /** {@code benchmark-S} (Set5, Set14, B100, Urban100): shave S, Y channel. */
    public static PsnrProtocol benchmark(int scale) {
        return new PsnrProtocol(scale, true);
    }
}
