package org.liifviewer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ViewportTest {

    private final Viewport fit = Viewport.fit(2040, 1344, 1280, 900);

    @Test
    void fitShowsTheWholeImageCentred() {
        assertEquals(1280.0 / 2040, fit.zoom(), 1e-12);
        assertEquals(0, fit.toScreenX(0), 1e-9);
        assertEquals(1280, fit.toScreenX(2040), 1e-9);
        assertEquals(900 / 2.0, fit.toScreenY(672), 1e-9, "centred vertically");
    }

    @Test
    void zoomKeepsTheImagePointUnderTheCursor() {
        Random random = new Random(7);
        Viewport v = fit;
        for (int i = 0; i < 200; i++) {
            double sx = 200 + random.nextDouble() * 880;
            double sy = 200 + random.nextDouble() * 400;
            double ix = v.toImageX(sx);
            double iy = v.toImageY(sy);
            if (ix < 0 || iy < 0 || ix > 2040 || iy > 1344) {
                continue;
            }
            v = v.zoomedAt(v.zoom() * (random.nextBoolean() ? 1.3 : 1 / 1.2), sx, sy);
            assertEquals(ix, v.toImageX(sx), 1e-9);
            assertEquals(iy, v.toImageY(sy), 1e-9);
        }
    }

    @Test
    void zoomIsClampedAndGoesBeyondX64() {
        assertEquals(Viewport.MAX_ZOOM, fit.zoomedAtCentre(1e6).zoom());
        assertEquals(fit.minZoom(), fit.zoomedAtCentre(1e-6).zoom());
        assertEquals(64, fit.zoomedAtCentre(64).zoom());
    }

    @Test
    void dragMovesTheImageWithThePointer() {
        Viewport v = fit.zoomedAtCentre(30);
        Viewport p = v.pannedBy(90, -60);
        assertEquals(v.originX() - 3, p.originX(), 1e-9);
        assertEquals(v.originY() + 2, p.originY(), 1e-9);
    }

    @Test
    void panningKeepsSomeOfTheImageInView() {
        Viewport far = fit.zoomedAtCentre(4).pannedBy(1e7, 1e7);
        assertEquals(1280 - Viewport.KEEP_VISIBLE, far.toScreenX(0), 1e-6);
        assertEquals(900 - Viewport.KEEP_VISIBLE, far.toScreenY(0), 1e-6);
        Viewport other = fit.zoomedAtCentre(4).pannedBy(-1e7, -1e7);
        assertEquals(Viewport.KEEP_VISIBLE, other.toScreenX(2040), 1e-6);
    }

    @Test
    void gridIsRoundedImageSizeTimesZoomAndCoversTheView() {
        Viewport v = fit.zoomedAt(29.7, 640, 400);
        assertEquals(Math.round(2040 * 29.7), v.gridW());
        assertEquals(Math.round(1344 * 29.7), v.gridH());
        long[] cols = v.visibleColumns(v.gridW());
        assertEquals(1280, cols[1] - cols[0], 2);
        assertEquals(v.gridToScreenX(cols[0], v.gridW()), 0, 1.0);
        assertArrayEquals(new long[] {0, fit.gridW()}, fit.visibleColumns(fit.gridW()));
    }

    @Test
    void resizeKeepsTheCentre() {
        Viewport v = fit.zoomedAt(8, 300, 300);
        Viewport r = v.resized(1000, 700);
        assertEquals(v.toImageX(640), r.toImageX(500), 1e-9);
        assertEquals(v.toImageY(450), r.toImageY(350), 1e-9);
    }
}
