package org.liifviewer.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BicubicTest {

    @Test
    void matchesTorchBicubicNonIntegerSize() throws Exception {
        FloatImage src = SharedData.floatImage(SharedData.golden("resize/torch_bicubic_src.bin"), 3, 10, 13);
        FloatImage expected = SharedData.floatImage(SharedData.golden("resize/torch_bicubic_29x37.bin"), 3, 29, 37);
        assertArrayEquals(expected.data(), Bicubic.resize(src, 29, 37).data(), 1e-5f);
    }

    @Test
    void matchesTorchBicubicTimesFour() throws Exception {
        FloatImage src = SharedData.floatImage(SharedData.golden("resize/torch_bicubic_src.bin"), 3, 10, 13);
        FloatImage expected = SharedData.floatImage(SharedData.golden("resize/torch_bicubic_x4.bin"), 3, 40, 52);
        assertArrayEquals(expected.data(), Bicubic.resize(src, 40, 52).data(), 1e-5f);
    }

    @Test
    void pixelAlignedRegionAtScaleOneIsACrop() {
        FloatImage src = MetricsTest.random(new Random(2), 3, 20, 30);
        FloatImage region = Bicubic.renderRegion(src, 7, 4, 12, 9, 12, 9);
        assertArrayEquals(src.crop(4, 7, 9, 12).data(), region.data(), 1e-6f);
    }

    @Test
    void regionsAgreeWithTheWholeImageRender() {
        FloatImage src = MetricsTest.random(new Random(4), 1, 16, 16);
        FloatImage whole = Bicubic.resize(src, 64, 64);
        // the top-right quarter of the source, rendered at the same 4x zoom, is the matching quarter of the whole
        FloatImage quarter = Bicubic.renderRegion(src, 8, 0, 8, 8, 32, 32);
        assertArrayEquals(whole.crop(0, 32, 32, 32).data(), quarter.data(), 1e-6f);
    }

    @Test
    void regionOutsideTheImageReplicatesTheBorder() {
        FloatImage src = MetricsTest.random(new Random(6), 1, 5, 5);
        FloatImage out = Bicubic.renderRegion(src, -10, -10, 4, 4, 3, 3);
        for (float v : out.data()) {
            assertEquals(src.get(0, 0, 0), v, 1e-6f);
        }
    }
}
