package org.liifviewer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SampleLevelsTest {

    @Test
    void roundsHalfUpAndClamps() {
        float[] values = {0.5f, 0.3f / 255, 0.7f / 255, 1.2f, -0.1f, Float.NaN, 1f, 0f};
        int[] expected = {128, 0, 1, 255, 0, 0, 255, 0};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], SampleLevels.of(values[i], 255), "value " + values[i]);
        }
    }

    @Test
    void sixteenBitLevelsRoundTripExactly() {
        for (int k = 0; k <= 65535; k += 257 * 3 + 1) {
            assertEquals(k, SampleLevels.of(k / 65535f, 65535), "level " + k);
        }
        assertEquals(32768, SampleLevels.of(0.5f, 65535));
    }
}
