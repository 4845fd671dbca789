package org.liifviewer.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An export's estimated time and size, and the limits beyond which it needs insisting. */
class ExportCostTest {

    private static final long PLENTY = 1L << 50;

    @Test
    void ordinaryExportsAreWithinTheLimits() {
        ExportCost cost = ExportCost.of(ExportSettings.of(4000, 3000, ExportFormat.PNG), false,
                ExportCost.Renderer.LIIF, 1000 * 750);
        assertEquals(12_000_000L * 3, cost.bytes(), "uncompressed 8-bit RGB");
        assertEquals(240 + 15, cost.seconds(), 1e-9, "decoder 12 Mpx at 50k px/s, encoder 0.75 Mpx");
        assertEquals("about 4 min, up to 36.0 MB", cost.describe());
        assertEquals(Optional.empty(), cost.excess(PLENTY));
    }

    @Test
    void absurdSizesTooLongRendersAndFullDisksAreBeyondTheLimits() {
        ExportCost huge = ExportCost.of(ExportSettings.of(1_000_000, 1_000_000, ExportFormat.JPEG), false,
                ExportCost.Renderer.BICUBIC, 100);
        assertEquals("1000000×1000000 (1000000 megapixels) would take about 277.8 h and up to 750.0 GB on disk,"
                + " 1.1 PB free: beyond the limits (1 gigapixel, 1 hour, the free space)", huge.excess(PLENTY).orElseThrow());
        ExportCost slow = ExportCost.of(ExportSettings.of(16_000, 16_000, ExportFormat.PNG), false,
                ExportCost.Renderer.LIIF, 4_000 * 4_000);
        assertTrue(slow.excess(PLENTY).isPresent(), "256 Mpx of LIIF: over an hour");
        ExportCost fast = ExportCost.of(ExportSettings.of(16_000, 16_000, ExportFormat.PNG), true,
                ExportCost.Renderer.BICUBIC, 4_000 * 4_000);
        assertEquals(Optional.empty(), fast.excess(PLENTY), "the same size bicubic: minutes");
        assertEquals(1_024_000_000L, fast.bytes(), "RGBA");
        assertTrue(fast.excess(fast.bytes() - 1).isPresent(), "more than the free space");
    }
}
