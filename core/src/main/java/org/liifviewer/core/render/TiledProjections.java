package org.liifviewer.core.render;

import org.liifviewer.core.encoder.Encoder;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Projections;
import org.liifviewer.core.liif.SplitDecoder;

/**
 * Lazy tiled encoding: the image's first-layer projections are computed tile by tile, only for the tiles a
 * render touches. Each tile is encoded from its input crop widened by the encoder's receptive radius plus one
 * pixel (for the 3x3 unfolding), so its values equal those of whole-image encoding. Tiles live in a shared
 * {@link TileCache}.
 */
public final class TiledProjections implements Projections {

    private final Encoder encoder;
    private final SplitDecoder decoder;
    private final FloatImage rgb;
    private final int tile;
    private final int margin;
    private final TileCache cache;
    private final int tilesX;

    public TiledProjections(Encoder encoder, SplitDecoder decoder, FloatImage rgb, int tile, TileCache cache) {
        if (tile <= 0) {
            throw new IllegalArgumentException("tile size must be positive");
        }
        this.encoder = encoder;
        this.decoder = decoder;
        this.rgb = rgb;
        this.tile = tile;
        this.margin = encoder.receptiveRadius() + 1;
        this.cache = cache;
        this.tilesX = (rgb.width() + tile - 1) / tile;
    }

    @Override
    public int height() {
        return rgb.height();
    }

    @Override
    public int width() {
        return rgb.width();
    }

    /** Tile side in feature pixels. */
    public int tileSize() {
        return tile;
    }

    @Override
    public View view(int y0, int x0, int y1, int x1) {
        int ty0 = y0 / tile;
        int tx0 = x0 / tile;
        int nty = y1 / tile - ty0 + 1;
        int ntx = x1 / tile - tx0 + 1;
        float[][] tiles = new float[nty * ntx][];
        for (int ty = 0; ty < nty; ty++) {
            for (int tx = 0; tx < ntx; tx++) {
                tiles[ty * ntx + tx] = tile(ty0 + ty, tx0 + tx);
            }
        }
        int dim = decoder.projectionWidth();
        return new View() {
            @Override
            public float[] array(int y, int x) {
                return tiles[(y / tile - ty0) * ntx + (x / tile - tx0)];
            }

            @Override
            public int offset(int y, int x) {
                int tw = Math.min(tile, rgb.width() - (x / tile) * tile);
                return ((y % tile) * tw + x % tile) * dim;
            }
        };
    }

    /** Makes sure the tile covering feature pixel (y, x) is computed (e.g. to warm the cache ahead of time). */
    public void ensure(int y, int x) {
        tile(y / tile, x / tile);
    }

    private float[] tile(int ty, int tx) {
        return cache.get(new Key(this, ty * tilesX + tx), () -> compute(ty, tx));
    }

    private float[] compute(int ty, int tx) {
        int y0 = ty * tile;
        int x0 = tx * tile;
        int th = Math.min(tile, rgb.height() - y0);
        int tw = Math.min(tile, rgb.width() - x0);
        int cy0 = Math.max(0, y0 - margin);
        int cx0 = Math.max(0, x0 - margin);
        int cy1 = Math.min(rgb.height(), y0 + th + margin);
        int cx1 = Math.min(rgb.width(), x0 + tw + margin);
        int cw = cx1 - cx0;
        float[] crop = decoder.project(encoder.encodeChannelsLast(rgb.crop(cy0, cx0, cy1 - cy0, cw)));
        int dim = decoder.projectionWidth();
        float[] out = new float[th * tw * dim];
        for (int y = 0; y < th; y++) {
            System.arraycopy(crop, ((y0 - cy0 + y) * cw + (x0 - cx0)) * dim, out, y * tw * dim, tw * dim);
        }
        return out;
    }

    /** Cache key: the owning image and the tile's index. */
    private record Key(TiledProjections owner, int index) {
    }
}
