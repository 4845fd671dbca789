package org.liifviewer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;

class MipmapsTest {

    @Test
    void halvingAveragesBlocksAndKeepsOddEdges() {
        FloatImage img = new FloatImage(1, 2, 3, new float[] {0, 1, 2, 3, 4, 5});
        FloatImage half = Mipmaps.halve(img);
        assertEquals(2, half.width());
        assertEquals(1, half.height());
        assertEquals((0 + 1 + 3 + 4) / 4f, half.get(0, 0, 0), 1e-6);
        assertEquals((2 + 2 + 5 + 5) / 4f, half.get(0, 0, 1), 1e-6);
    }

    @Test
    void levelsStopAtTheMinimumSide() {
        var levels = Mipmaps.build(FloatImage.zeros(3, 1000, 2000), 64);
        assertEquals(5, levels.size());               // 1000, 500, 250, 125, 63
        assertEquals(63, levels.get(4).height());
    }

    @Test
    void levelNeverShrinksMoreThanTwice() {
        assertEquals(0, Mipmaps.levelFor(1.5, 6));
        assertEquals(0, Mipmaps.levelFor(0.6, 6));
        assertEquals(1, Mipmaps.levelFor(0.5, 6));
        assertEquals(1, Mipmaps.levelFor(0.3, 6));
        assertEquals(3, Mipmaps.levelFor(0.1, 6));
        assertEquals(5, Mipmaps.levelFor(0.001, 6));
    }
}
