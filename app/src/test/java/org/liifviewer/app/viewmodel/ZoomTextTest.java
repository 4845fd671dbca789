package org.liifviewer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Zoom levels as users type them. */
class ZoomTextTest {

    @Test
    void percentPlainNumberAndFactorFormsAgree() {
        for (String text : new String[] {"400%", "400", " 400 % ", "x4", "4x", "×4", "4×", "X4"}) {
            assertEquals(OptionalDouble.of(4), ZoomText.parse(text), text);
        }
        assertEquals(OptionalDouble.of(0.125), ZoomText.parse("12,5%"));
    }

    @Test
    void nonPositiveOrNonNumericTextNamesNoZoom() {
        for (String text : new String[] {"", "zoom", "0", "-200%", "x0", "1e999", "NaN%"}) {
            assertTrue(ZoomText.parse(text).isEmpty(), text);
        }
    }
}
