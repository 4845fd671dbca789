package org.liifviewer.core.export;

import java.io.ByteArrayOutputStream;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * A baseline quantisation table: a T.81 Annex K table scaled for a quality by the IJG formula. Quantises
 * {@link ForwardDct} output (whose scale it folds into its divisors) into zig-zag order, and serialises
 * itself for DQT.
 */
final class QuantisationTable {

    /** Natural (row-major) index of each zig-zag position (T.81 figure A.6). */
    private static final int[] ZIGZAG = zigzag();

    private final int[] entries = new int[64];
    private final float[] reciprocals = new float[64];

    /** {@code annexK} (natural order) scaled for {@code quality} in [0, 1]; see {@link #ijgScale(float)}. */
    QuantisationTable(JPEGQTable annexK, float quality) {
        int[] base = annexK.getTable();
        int scale = ijgScale(quality);
        for (int i = 0; i < 64; i++) {
            entries[i] = Math.max(1, Math.min(255, (base[i] * scale + 50) / 100));
            reciprocals[i] = (float) (1 / (entries[i] * ForwardDct.scale(i)));
        }
    }

    /**
     * The IJG percentage scale of the Annex K tables: quality {@code q} maps to {@code Q = round(100 q)}
     * clamped to [1, 100], and the scale is {@code 5000 / Q} below 50, else {@code 200 - 2 Q}.
     */
    static int ijgScale(float quality) {
        int q = Math.max(1, Math.min(100, Math.round(quality * 100)));
        return q < 50 ? 5000 / q : 200 - 2 * q;
    }

    /** Divides the transformed {@code block} by the table, rounding to nearest, into {@code zigzag}. */
    void quantise(float[] block, int[] zigzag) {
        for (int k = 0; k < 64; k++) {
            int i = ZIGZAG[k];
            zigzag[k] = Math.round(block[i] * reciprocals[i]);
        }
    }

    /** Appends this table to a DQT body as 8-bit table {@code id}. */
    void appendTo(ByteArrayOutputStream dqt, int id) {
        dqt.write(id);
        for (int k = 0; k < 64; k++) {
            dqt.write(entries[ZIGZAG[k]]);
        }
    }

    private static int[] zigzag() {
        int[] order = new int[64];
        int k = 0;
        for (int diagonal = 0; diagonal < 15; diagonal++) {
            for (int i = 0; i <= diagonal; i++) {
                int row = diagonal % 2 == 0 ? diagonal - i : i;
                int col = diagonal - row;
                if (row < 8 && col < 8) {
                    order[k++] = 8 * row + col;
                }
            }
        }
        return order;
    }
}
