package org.liifviewer.core.export;

/**
 * The 8x8 forward DCT of T.81 A.3.3, separable, each 8-point pass factorised after Arai, Agui and Nakajima
 * (5 multiplications). Coefficient {@code i} (natural order) comes out multiplied by {@link #scale(int)};
 * quantisation folds that factor into its divisors.
 */
final class ForwardDct {

    private static final float C4 = (float) Math.cos(4 * Math.PI / 16);
    private static final float C6 = (float) Math.cos(6 * Math.PI / 16);
    private static final float C2_MINUS_C6 = (float) (Math.cos(2 * Math.PI / 16) - Math.cos(6 * Math.PI / 16));
    private static final float C2_PLUS_C6 = (float) (Math.cos(2 * Math.PI / 16) + Math.cos(6 * Math.PI / 16));

    private ForwardDct() {
    }

    /** Transforms the 64 samples of {@code block} (row-major) in place. */
    static void transform(float[] block) {
        for (int i = 0; i < 8; i++) {
            pass(block, 8 * i, 1);
        }
        for (int i = 0; i < 8; i++) {
            pass(block, i, 8);
        }
    }

    /** The factor by which coefficient {@code i} (natural order, row-major) of {@link #transform} is too large. */
    static double scale(int i) {
        return 8 * axisScale(i >>> 3) * axisScale(i & 7);
    }

    private static double axisScale(int k) {
        return k == 0 ? 1 : Math.sqrt(2) * Math.cos(k * Math.PI / 16);
    }

    /** One 8-point DCT over {@code b[at], b[at + step], ..., b[at + 7 * step]}. */
    private static void pass(float[] b, int at, int step) {
        float s07 = b[at] + b[at + 7 * step];
        float d07 = b[at] - b[at + 7 * step];
        float s16 = b[at + step] + b[at + 6 * step];
        float d16 = b[at + step] - b[at + 6 * step];
        float s25 = b[at + 2 * step] + b[at + 5 * step];
        float d25 = b[at + 2 * step] - b[at + 5 * step];
        float s34 = b[at + 3 * step] + b[at + 4 * step];
        float d34 = b[at + 3 * step] - b[at + 4 * step];

        float e0 = s07 + s34;
        float e3 = s07 - s34;
        float e1 = s16 + s25;
        float e2 = s16 - s25;
        b[at] = e0 + e1;
        b[at + 4 * step] = e0 - e1;
        float z1 = (e2 + e3) * C4;
        b[at + 2 * step] = e3 + z1;
        b[at + 6 * step] = e3 - z1;

        float o0 = d34 + d25;
        float o1 = d25 + d16;
        float o2 = d16 + d07;
        float z5 = (o0 - o2) * C6;
        float z2 = C2_MINUS_C6 * o0 + z5;
        float z4 = C2_PLUS_C6 * o2 + z5;
        float z3 = o1 * C4;
        float z11 = d07 + z3;
        float z13 = d07 - z3;
        b[at + 5 * step] = z13 + z2;
        b[at + 3 * step] = z13 - z2;
        b[at + step] = z11 + z4;
        b[at + 7 * step] = z11 - z4;
    }
}
