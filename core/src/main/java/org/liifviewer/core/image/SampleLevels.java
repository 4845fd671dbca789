package org.liifviewer.core.image;

/** Float sample values in [0, 1] to the integer levels of an 8- or 16-bit file. */
public final class SampleLevels {

    private SampleLevels() {
    }

    /**
     * The level of {@code v} in {@code [0, max]}: {@code floor(clamp(v, 0, 1) * max + 0.5)} in double (round half
     * up); NaN becomes 0.
     */
    public static int of(float v, int max) {
        if (!(v > 0f)) {
            return 0;
        }
        return v >= 1f ? max : (int) (v * (double) max + 0.5);
    }
}
