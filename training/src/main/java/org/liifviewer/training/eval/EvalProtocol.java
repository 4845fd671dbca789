package org.liifviewer.training.eval;

import java.util.Locale;
import org.liifviewer.core.image.PsnrProtocol;

/** The two measurement protocols of LIIF's {@code test.py}: which PSNR variant and how much border is shaved. */
public enum EvalProtocol {

    /** {@code div2k-S}: RGB PSNR, shave S + 6. */
    DIV2K("RGB PSNR, shave = scale + 6"),
    /** {@code benchmark-S} (Set5, Set14, B100, Urban100): Y PSNR, shave S. */
    BENCHMARK("Y PSNR, shave = scale");

    private final String description;

    EvalProtocol(String description) {
        this.description = description;
    }

    /** The PSNR variant at {@code scale}. */
    public PsnrProtocol psnr(int scale) {
        return this == DIV2K ? PsnrProtocol.div2k(scale) : PsnrProtocol.benchmark(scale);
    }

    /** Border pixels dropped for SSIM (always on Y): the same shave as the PSNR. */
    public int ssimShave(int scale) {
        return psnr(scale).shave();
    }

    /** Lower-case name as given on the command line, e.g. {@code benchmark}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What is measured, in words. */
    public String description() {
        return description;
    }

    /** Parses {@code div2k} or {@code benchmark} (any case). */
    public static EvalProtocol parse(String name) {
        for (EvalProtocol p : values()) {
            if (p.label().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "': use div2k or benchmark");
    }
}
