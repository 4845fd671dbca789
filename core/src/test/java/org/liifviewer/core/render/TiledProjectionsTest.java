package org.liifviewer.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.bench.DecodeBenchmark;
import org.liifviewer.core.golden.GoldenData;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.progress.RenderMonitor;

/** Lazy tiled encoding gives the same image as encoding the whole input at once, tile borders included. */
class TiledProjectionsTest {

    private static final LiifSpec SPEC =
            new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f), new int[] {32, 32}, 3, true, true, true);

    @Test
    void tiledRenderEqualsWholeImageRender() throws Exception {
        Weights weights = GoldenData.open("small-full/weights").weights();
        FloatImage input = DecodeBenchmark.randomImage(45, 52, 7);
        LiifModel whole = new LiifModel(SPEC, weights, 1000, new TileCache(1L << 30));
        TileCache smallCache = new TileCache(3L * 8 * 8 * 32 * 4);       // room for ~3 tiles: forces eviction
        LiifModel tiled = new LiifModel(SPEC, weights, 8, smallCache);
        FloatImage expected = whole.encode(input).render(103, 117, RenderMonitor.NONE);
        FloatImage actual = tiled.encode(input).render(103, 117, RenderMonitor.NONE);
        float max = 0;
        for (int i = 0; i < expected.data().length; i++) {
            max = Math.max(max, Math.abs(expected.data()[i] - actual.data()[i]));
        }
        assertTrue(max < 1e-5, "max diff " + max);
        assertTrue(smallCache.bytes() <= 3L * 8 * 8 * 32 * 4, "cache over budget: " + smallCache.bytes());
        assertTrue(smallCache.misses() >= 42, "every one of the 6x7 tiles computed at least once");
    }

    @Test
    void prefetchedRegionsGiveTheSameImageAndFillTheCache() throws Exception {
        Weights weights = GoldenData.open("small-full/weights").weights();
        FloatImage input = DecodeBenchmark.randomImage(45, 52, 9);
        FloatImage expected = new LiifModel(SPEC, weights, 1000, new TileCache(1L << 30)).encode(input)
                .render(90, 104, RenderMonitor.NONE);
        TileCache cache = new TileCache(1L << 30);
        LiifImage image = new LiifModel(SPEC, weights, 8, cache).encode(input);
        assertEquals(0.0, cache.encodingSeconds(), "nothing encoded before a render");
        image.prefetch(org.liifviewer.core.liif.Axis.grid(90, 10, 60), org.liifviewer.core.liif.Axis.grid(104, 20, 70),
                RenderMonitor.NONE);
        long afterPrefetch = cache.misses();
        assertTrue(afterPrefetch >= 20, "a block of tiles was computed: " + afterPrefetch);
        assertTrue(cache.encodingSeconds() > 0, "the prefetch's encoding is counted");
        FloatImage actual = image.render(90, 104, RenderMonitor.NONE);
        float max = 0;
        for (int i = 0; i < expected.data().length; i++) {
            max = Math.max(max, Math.abs(expected.data()[i] - actual.data()[i]));
        }
        assertTrue(max < 1e-5, "max diff " + max);
        assertTrue(cache.hits() > 0, "the render reused prefetched tiles");
    }

    @Test
    void aWindowRenderedAloneEqualsTheCachedRender() throws Exception {
        Weights weights = GoldenData.open("small-full/weights").weights();
        FloatImage input = DecodeBenchmark.randomImage(45, 52, 11);
        TileCache cache = new TileCache(1L << 30);
        LiifImage image = new LiifModel(SPEC, weights, 8, cache).encode(input);
        var rows = org.liifviewer.core.liif.Axis.grid(135, 40, 23);
        var cols = org.liifviewer.core.liif.Axis.grid(156, 61, 30);
        FloatImage alone = image.renderAlone(rows, cols, RenderMonitor.NONE);
        assertTrue(cache.misses() == 0, "nothing cached by a standalone render");
        FloatImage cached = image.render(rows, cols, RenderMonitor.NONE);
        float max = 0;
        for (int i = 0; i < alone.data().length; i++) {
            max = Math.max(max, Math.abs(alone.data()[i] - cached.data()[i]));
        }
        assertTrue(max < 1e-5, "max diff " + max);
    }

    @Test
    void prefetchIsCancelledInsideTheEncoderPassAndCachesNothing() throws Exception {
        Weights weights = GoldenData.open("small-full/weights").weights();
        FloatImage input = DecodeBenchmark.randomImage(45, 52, 13);
        TileCache cache = new TileCache(1L << 30);
        LiifImage image = new LiifModel(SPEC, weights, 1000, cache).encode(input);     // one band, one pass
        AtomicInteger checks = new AtomicInteger();
        RenderMonitor cancelInPass = new RenderMonitor() {
            @Override
            public boolean isCancelled() {
                return checks.incrementAndGet() > 2;     // the band's check and the first block pass, then stop
            }
        };
        var rows = org.liifviewer.core.liif.Axis.grid(90);
        var cols = org.liifviewer.core.liif.Axis.grid(104);
        assertThrows(CancellationException.class, () -> image.prefetch(rows, cols, cancelInPass));
        assertEquals(3, checks.get(), "stopped at the encoder's second block, not after the pass");
        assertEquals(0, cache.bytes(), "nothing half-computed was cached");
        image.prefetch(rows, cols, RenderMonitor.NONE);
        assertTrue(cache.bytes() > 0, "a later prefetch still fills the cache");
    }
}
