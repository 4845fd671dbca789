package org.liifviewer.core.render;

import org.liifviewer.core.image.FloatImage;

/**
 * A finished tile of a viewport render.
 *
 * @param x      first grid column of the tile
 * @param y      first grid row of the tile
 * @param pixels the RGB pixels, values in [0, 1]
 */
public record OutputTile(long x, long y, FloatImage pixels) {
}
