package org.liifviewer.core.render;

import java.nio.FloatBuffer;
import org.liifviewer.core.encoder.Encoder;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Projections;
import org.liifviewer.core.liif.ProjectingDecoder;
import org.liifviewer.core.progress.RenderMonitor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lazy tiled encoding: the image's first-layer projections are computed tile by tile, only for the tiles a
 * render touches. Each tile is encoded from its input crop widened by the encoder's receptive radius plus one
 * pixel (for the 3x3 unfolding), so its values equal those of whole-image encoding. Tiles live in a shared
 * {@link TileCache}.
 */
public final class TiledProjections implements Projections {

    private final Encoder encoder;
    private final ProjectingDecoder decoder;
    private final FloatImage rgb;
    private final int tile;
    private final int margin;
    private final TileCache cache;
    private final int tilesX;

    /** Largest crop (input pixels) encoded at once by {@link #prefetch}: bounds the encoder's activations. */
    public static final long MAX_CROP_PIXELS = 1L << 19;

    public TiledProjections(Encoder encoder, ProjectingDecoder decoder, FloatImage rgb, int tile, TileCache cache) {
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

    /**
     * Computes the missing tiles of a region with as few encoder passes as possible: the tiles of a band of
     * tile rows are encoded together from one crop (one margin for all of them instead of one each), bands
     * being at most {@link #MAX_CROP_PIXELS} input pixels.
     */
    @Override
    public void prefetch(int y0, int x0, int y1, int x1, RenderMonitor monitor) {
        int ty0 = Math.max(0, y0) / tile;
        int ty1 = Math.min(rgb.height() - 1, y1) / tile;
        int tx0 = Math.max(0, x0) / tile;
        int tx1 = Math.min(rgb.width() - 1, x1) / tile;
        long bandWidth = (long) (tx1 - tx0 + 1) * tile + 2L * margin;
        int rowsPerBand = (int) Math.max(1, (MAX_CROP_PIXELS / bandWidth - 2L * margin) / tile);
        for (int a = ty0; a <= ty1; a += rowsPerBand) {
            monitor.checkCancelled();
            int b = Math.min(ty1, a + rowsPerBand - 1);
            int[] missing = missingBounds(a, tx0, b, tx1);
            if (missing != null) {
                float[][] tiles = computeRegion(missing[0], missing[1], missing[2], missing[3], monitor);
                int cols = missing[3] - missing[1] + 1;
                for (int ty = missing[0]; ty <= missing[2]; ty++) {
                    for (int tx = missing[1]; tx <= missing[3]; tx++) {
                        float[] data = tiles[(ty - missing[0]) * cols + (tx - missing[1])];
                        cache.get(key(ty, tx), () -> data);
                    }
                }
            }
        }
    }

    @Override
    public boolean prefetchIfRoom(int y0, int x0, int y1, int x1, RenderMonitor monitor) {
        long missing = 0;
        for (int ty = Math.max(0, y0) / tile; ty <= Math.min(rgb.height() - 1, y1) / tile; ty++) {
            for (int tx = Math.max(0, x0) / tile; tx <= Math.min(rgb.width() - 1, x1) / tile; tx++) {
                if (!cache.contains(key(ty, tx))) {
                    missing += (long) Math.min(tile, rgb.height() - ty * tile) * Math.min(tile, rgb.width() - tx * tile);
                }
            }
        }
        if (cache.bytes() + missing * decoder.projectionWidth() * Float.BYTES > cache.budgetBytes() / 2) {
            return false;
        }
        prefetch(y0, x0, y1, x1, monitor);
        return true;
    }

    @Override
    public Projections window(int y0, int x0, int y1, int x1) {
        if (missingBounds(y0 / tile, x0 / tile, y1 / tile, x1 / tile) == null) {
            return this;                                  // already encoded: read the cache
        }
        int wh = y1 - y0 + 1;
        int ww = x1 - x0 + 1;
        int cy0 = Math.max(0, y0 - margin);
        int cx0 = Math.max(0, x0 - margin);
        int cy1 = Math.min(rgb.height(), y1 + 1 + margin);
        int cx1 = Math.min(rgb.width(), x1 + 1 + margin);
        int cw = cx1 - cx0;
        int dim = decoder.projectionWidth();
        float[] data = new float[wh * ww * dim];
        try (INDArray crop = project(rgb.crop(cy0, cx0, cy1 - cy0, cw), RenderMonitor.NONE)) {
            FloatBuffer values = crop.data().asNioFloat();
            for (int y = 0; y < wh; y++) {
                values.get(((y0 - cy0 + y) * cw + (x0 - cx0)) * dim, data, y * ww * dim, ww * dim);
            }
        }
        return Projections.window(data, y0, x0, y1, x1, rgb.height(), rgb.width(), dim);
    }

    /**
     * First-layer projections of every pixel of an input crop, pixel-major (the caller closes them); frees the
     * features at once. The monitor may cancel between encoder blocks.
     */
    private INDArray project(FloatImage crop, RenderMonitor monitor) {
        long start = System.nanoTime();
        INDArray values;
        try (INDArray features = encoder.encodeChannelsLast(crop, monitor::checkCancelled)) {
            values = decoder.project(features);
        }
        cache.recordEncoding(System.nanoTime() - start);
        return values;
    }

    /** Bounds (ty0, tx0, ty1, tx1) of the tiles not yet cached in a range, or null when all are. */
    private int[] missingBounds(int ty0, int tx0, int ty1, int tx1) {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                if (!cache.contains(key(ty, tx))) {
                    b[0] = Math.min(b[0], ty);
                    b[1] = Math.min(b[1], tx);
                    b[2] = Math.max(b[2], ty);
                    b[3] = Math.max(b[3], tx);
                }
            }
        }
        return b[2] < 0 ? null : b;
    }

    private Key key(int ty, int tx) {
        return new Key(this, ty * tilesX + tx);
    }

    private float[] tile(int ty, int tx) {
        return cache.get(key(ty, tx), () -> computeRegion(ty, tx, ty, tx, RenderMonitor.NONE)[0]);
    }

    /** Encodes tiles (ty0..ty1, tx0..tx1) from one crop widened by the margin; returns them row-major. */
    private float[][] computeRegion(int ty0, int tx0, int ty1, int tx1, RenderMonitor monitor) {
        int y0 = ty0 * tile;
        int x0 = tx0 * tile;
        int y1 = Math.min(rgb.height(), (ty1 + 1) * tile);
        int x1 = Math.min(rgb.width(), (tx1 + 1) * tile);
        int cy0 = Math.max(0, y0 - margin);
        int cx0 = Math.max(0, x0 - margin);
        int cy1 = Math.min(rgb.height(), y1 + margin);
        int cx1 = Math.min(rgb.width(), x1 + margin);
        int cw = cx1 - cx0;
        int dim = decoder.projectionWidth();
        int cols = tx1 - tx0 + 1;
        float[][] tiles = new float[(ty1 - ty0 + 1) * cols][];
        try (INDArray crop = project(rgb.crop(cy0, cx0, cy1 - cy0, cw), monitor)) {
            FloatBuffer values = crop.data().asNioFloat();
            for (int ty = ty0; ty <= ty1; ty++) {
                for (int tx = tx0; tx <= tx1; tx++) {
                    int ty0px = ty * tile;
                    int tx0px = tx * tile;
                    int th = Math.min(tile, rgb.height() - ty0px);
                    int tw = Math.min(tile, rgb.width() - tx0px);
                    float[] out = new float[th * tw * dim];
                    for (int y = 0; y < th; y++) {
                        values.get(((ty0px - cy0 + y) * cw + (tx0px - cx0)) * dim, out, y * tw * dim, tw * dim);
                    }
                    tiles[(ty - ty0) * cols + (tx - tx0)] = out;
                }
            }
        }
        return tiles;
    }

    /** Cache key: the owning image and the tile's index. */
    private record Key(TiledProjections owner, int index) {
    }
}
