package org.liifviewer.core.liif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SharedCodeBlocksTest {

    @Test
    void rowsAreGroupedByCodeInBlocksOfAtMostTheLanes() {
        SharedCodeBlocks blocks = SharedCodeBlocks.of(new int[] {2, 0, 2, 2, 1, 2}, 4, 2);
        assertEquals(4, blocks.count(), "code 0: one row, code 1: one row, code 2: four rows in two blocks");
        int[] codes = new int[4];
        int[] sizes = new int[4];
        int[] firstRows = new int[4];
        for (int b = 0; b < 4; b++) {
            codes[b] = blocks.code(b);
            sizes[b] = blocks.size(b);
            firstRows[b] = blocks.row(blocks.start(b));
        }
        assertArrayEquals(new int[] {0, 1, 2, 2}, codes);
        assertArrayEquals(new int[] {1, 1, 2, 2}, sizes);
        assertArrayEquals(new int[] {1, 4, 0, 3}, firstRows);
        assertEquals(2, blocks.row(blocks.start(2) + 1));
        assertEquals(5, blocks.row(blocks.start(3) + 1));
        assertEquals(6 / 8.0, blocks.fill(), 1e-12);
    }
}
