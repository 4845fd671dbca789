package org.liifviewer.core.liif;

/**
 * Rows of a decoding chunk grouped by the latent code they read, cut into blocks of at most {@code lanes} rows: a
 * counting sort of the rows by code, then each code's rows in order. Rows of one block share one table row of the
 * {@link ModulationTable}.
 */
final class SharedCodeBlocks {

    private final int[] order;
    private final int[] blockStart;
    private final int[] blockCode;
    private final int blocks;
    private final int lanes;

    private SharedCodeBlocks(int[] order, int[] blockStart, int[] blockCode, int blocks, int lanes) {
        this.order = order;
        this.blockStart = blockStart;
        this.blockCode = blockCode;
        this.blocks = blocks;
        this.lanes = lanes;
    }

    /**
     * Groups rows {@code 0..codes.length-1} by {@code codes[r]} (each in {@code [0, codeCount)}) into blocks of at
     * most {@code lanes} rows.
     */
    static SharedCodeBlocks of(int[] codes, int codeCount, int lanes) {
        int[] next = new int[codeCount + 1];
        for (int c : codes) {
            next[c + 1]++;
        }
        int blockCount = 0;
        for (int c = 0; c < codeCount; c++) {
            blockCount += (next[c + 1] + lanes - 1) / lanes;
            next[c + 1] += next[c];
        }
        int[] blockStart = new int[blockCount + 1];
        int[] blockCode = new int[blockCount];
        int b = 0;
        for (int c = 0; c < codeCount; c++) {
            for (int s = next[c]; s < next[c + 1]; s += lanes) {
                blockStart[b] = s;
                blockCode[b++] = c;
            }
        }
        blockStart[blockCount] = codes.length;
        int[] order = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            order[next[codes[r]]++] = r;
        }
        return new SharedCodeBlocks(order, blockStart, blockCode, blockCount, lanes);
    }

    /** Number of blocks. */
    int count() {
        return blocks;
    }

    /** Position of block {@code b}'s first row in the grouped order. */
    int start(int b) {
        return blockStart[b];
    }

    /** Rows in block {@code b}: {@code lanes}, or fewer for a code's last block. */
    int size(int b) {
        return Math.min(lanes, blockStart[b + 1] - blockStart[b]);
    }

    /** The latent code block {@code b}'s rows read. */
    int code(int b) {
        return blockCode[b];
    }

    /** The row at position {@code i} of the grouped order. */
    int row(int i) {
        return order[i];
    }

    /** Average share of the lanes the blocks fill. */
    double fill() {
        return blocks == 0 ? 1 : (double) order.length / ((long) blocks * lanes);
    }
}
