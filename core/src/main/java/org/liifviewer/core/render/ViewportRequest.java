package org.liifviewer.core.render;

/**
 * A viewport of an image shown at some zoom: the image is sampled on a virtual output grid of
 * {@code gridH x gridW} pixels covering the whole image (zoom = gridW / image width), of which the rectangle
 * {@code [x, x + w) x [y, y + h)} is visible. Tiles nearest the focus point (grid pixels) are rendered first.
 *
 * @param gridH    rows of the virtual output grid
 * @param gridW    columns of the virtual output grid
 * @param x        first visible grid column
 * @param y        first visible grid row
 * @param w        visible columns
 * @param h        visible rows
 * @param focusX   grid column rendered first (e.g. under the cursor)
 * @param focusY   grid row rendered first
 * @param tileSize side of the output tiles in pixels
 */
public record ViewportRequest(long gridH, long gridW, long x, long y, int w, int h,
                              double focusX, double focusY, int tileSize) {

    public ViewportRequest {
        if (gridH <= 0 || gridW <= 0 || w <= 0 || h <= 0 || tileSize <= 0) {
            throw new IllegalArgumentException("empty viewport or grid");
        }
        if (x < 0 || y < 0 || x + w > gridW || y + h > gridH) {
            throw new IllegalArgumentException("viewport " + w + "x" + h + "+" + x + "+" + y
                    + " outside the grid " + gridW + "x" + gridH);
        }
    }
}
