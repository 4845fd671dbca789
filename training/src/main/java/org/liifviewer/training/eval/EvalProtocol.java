package org.liifviewer.training.eval;

import java.util.Locale;
import org.liifviewer.core.image.PsnrProtocol;

/**
 * The measurement protocols of LIIF's {@code test.py}: which PSNR variant, how much border is shaved, and how the
 * input is made.
 */
public enum EvalProtocol {

    /** {@code div2k-S}: RGB PSNR, shave S + 6. */
    DIV2K("RGB PSNR, shave = scale + 6"),
    /** {@code benchmark-S} (Set5, Set14, B100, Urban100): Y PSNR, shave S. */
    BENCHMARK("Y PSNR, shave = scale"),
    /**
     * The CelebA-HQ task of the paper's Table 5 ({@code test-celebAHQ-L-H}, no eval_type): the whole image resized to
     * L x L is the input, the whole image resized to H x H (H = L x scale) the ground truth ({@link EvalPair#whole});
     * RGB PSNR without shave.
     */
    WHOLE_IMAGE("RGB PSNR, no shave; whole image at L x L in, at L*scale square out");

    private final String description;

    EvalProtocol(String description) {
        this.description = description;
    }

    /** The PSNR variant at {@code scale}. */
    public PsnrProtocol psnr(int scale) {
        return switch (this) {
            case DIV2K -> PsnrProtocol.div2k(scale);
            case BENCHMARK -> PsnrProtocol.benchmark(scale);
            case WHOLE_IMAGE -> PsnrProtocol.rgb();
        };
    }

    /** Border pixels dropped for SSIM (always on Y): the same shave as the PSNR. */
    public int ssimShave(int scale) {
        return psnr(scale).shave();
    }

    /** Lower-case name as given on the command line, e.g. {@code benchmark} or {@code whole-image}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What is measured, in words. */
    public String description() {
        return description;
    }

    /** Parses {@code div2k}, {@code benchmark} or {@code whole-image} (any case). */
    public static EvalProtocol parse(String name) {
        for (EvalProtocol p : values()) {
            if (p.label().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "': use div2k, benchmark or whole-image");
    }
}
