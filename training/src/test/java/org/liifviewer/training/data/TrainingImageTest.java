package org.liifviewer.training.data;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.training.Shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingImageTest {

    @Test
    void cropsHoldExactlyTheDecodedValues() throws Exception {
        FloatImage decoded = ImageFiles.read(Shared.path("data/Set5/HR/woman.png")).rgb(); // 228x344
        TrainingImage image = TrainingImage.of(decoded);
        assertEquals(344, image.height());
        assertEquals(228, image.width());
        assertEquals(228L * 344, image.pixelCount());
        assertArrayEquals(decoded.crop(17, 101, 96, 127).data(), image.crop(17, 101, 96, 127).data());
        assertArrayEquals(decoded.crop(248, 132, 96, 96).data(), image.crop(248, 132, 96, 96).data(), "bottom-right corner");
        assertArrayEquals(decoded.data(), image.toFloat().data());
    }

    @Test
    void everyLevelComesBackAsItsFloat() {
        float[] values = new float[3 * 256];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 256) / 255f;
        }
        FloatImage levels = new FloatImage(3, 16, 16, values);
        assertArrayEquals(values, TrainingImage.of(levels).toFloat().data());
    }

    @Test
    void valuesThatAreNotEightBitLevelsAreRefused() {
        FloatImage notLevels = FloatImage.zeros(3, 2, 2);
        notLevels.set(1, 1, 0, 0.5f);
        assertThrows(IllegalArgumentException.class, () -> TrainingImage.of(notLevels));
        assertThrows(IllegalArgumentException.class, () -> TrainingImage.of(FloatImage.zeros(1, 2, 2)));
    }

    @Test
    void aCropOutsideTheImageIsRefused() {
        TrainingImage image = TrainingImage.of(FloatImage.zeros(3, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> image.crop(1, 0, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> image.crop(0, -1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> image.crop(0, 0, 0, 2));
    }
}
