package org.liifviewer.training.data;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AugmentTest {

    /** 1 channel, 2 rows x 3 columns: 0 1 2 / 3 4 5. */
    private static final FloatImage IMG = new FloatImage(1, 2, 3, new float[]{0, 1, 2, 3, 4, 5});

    @Test
    void flipsRowsColumnsThenTransposes() {
        assertArrayEquals(new float[]{3, 4, 5, 0, 1, 2}, Augment.apply(IMG, true, false, false).data());
        assertArrayEquals(new float[]{2, 1, 0, 5, 4, 3}, Augment.apply(IMG, false, true, false).data());
        FloatImage t = Augment.apply(IMG, false, false, true);
        assertEquals(3, t.height());
        assertArrayEquals(new float[]{0, 3, 1, 4, 2, 5}, t.data());
        // all three: rows reversed, columns reversed, then transposed
        assertArrayEquals(new float[]{5, 2, 4, 1, 3, 0}, Augment.apply(IMG, true, true, true).data());
    }

    @Test
    void permutingChannelsMovesWholePlanes() {
        // 3 channels of 1 x 2 pixels: R = 0 1, G = 2 3, B = 4 5
        FloatImage rgb = new FloatImage(3, 1, 2, new float[]{0, 1, 2, 3, 4, 5});
        assertArrayEquals(new float[]{4, 5, 0, 1, 2, 3}, Augment.permuteChannels(rgb, new int[]{2, 0, 1}).data());
        assertArrayEquals(rgb.data(), Augment.permuteChannels(rgb, Augment.CHANNEL_ORDERS[0]).data());
        assertThrows(IllegalArgumentException.class, () -> Augment.permuteChannels(IMG, new int[]{0, 1, 2}));
    }
}
