package org.liifviewer.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    @Test
    void everyTagValueGivesTheUprightImage() {
        FloatImage img = FloatImage.zeros(2, 2, 3);
        for (int i = 0; i < img.data().length; i++) {
            img.data()[i] = i;
        }
        UnaryOperator<FloatImage> cw = ExifOrientationTest::rotateClockwise;
        FloatImage[] expected = {
            img,
            flip(img, true),
            cw.apply(cw.apply(img)),
            flip(img, false),
            flip(cw.apply(img), true),                // transpose: mirror + rotate 270
            cw.apply(img),
            flip(cw.apply(img), false),               // transverse: mirror + rotate 90
            cw.apply(cw.apply(cw.apply(img))),
        };
        for (int tag = 1; tag <= 8; tag++) {
            FloatImage got = ExifOrientation.fromTag(tag).apply(img);
            assertEquals(expected[tag - 1].height(), got.height(), "tag " + tag);
            assertArrayEquals(expected[tag - 1].data(), got.data(), "tag " + tag);
        }
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.fromTag(0));
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.fromTag(9));
    }

    private static FloatImage rotateClockwise(FloatImage in) {
        FloatImage out = FloatImage.zeros(in.channels(), in.width(), in.height());
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < out.height(); y++) {
                for (int x = 0; x < out.width(); x++) {
                    out.set(c, y, x, in.get(c, in.height() - 1 - x, y));
                }
            }
        }
        return out;
    }

    private static FloatImage flip(FloatImage in, boolean horizontal) {
        FloatImage out = FloatImage.zeros(in.channels(), in.height(), in.width());
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < in.height(); y++) {
                for (int x = 0; x < in.width(); x++) {
                    out.set(c, y, x, horizontal ? in.get(c, y, in.width() - 1 - x) : in.get(c, in.height() - 1 - y, x));
                }
            }
        }
        return out;
    }
}
