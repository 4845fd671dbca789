package org.liifviewer.core.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.bench.DecodeBenchmark;
import org.liifviewer.core.golden.GoldenData;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.progress.RenderMonitor;

class TileSchedulerTest {

    private static final LiifSpec SPEC =
            new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f), new int[] {32, 32}, 3, true, true, true);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void tilesStartAtTheFocusAndCoverTheViewport() {
        ViewportRequest r = new ViewportRequest(1000, 1000, 100, 100, 300, 200, 390, 290, 64);
        List<long[]> tiles = TileScheduler.order(r);
        long[] first = tiles.get(0);
        assertTrue(first[0] <= 390 && 390 < first[0] + first[2] && first[1] <= 290 && 290 < first[1] + first[3],
                "first tile contains the focus");
        long covered = 0;
        for (long[] t : tiles) {
            long w = Math.min(t[0] + t[2], 400) - Math.max(t[0], 100);
            long h = Math.min(t[1] + t[3], 300) - Math.max(t[1], 100);
            covered += Math.max(0, w) * Math.max(0, h);
            assertEquals(0, t[0] % 64);
        }
        assertEquals(300L * 200, covered, "tiles cover the viewport exactly once");
    }

    @Test
    void tilesEqualTheWholeRenderAndCancellationStopsTheJob() throws Exception {
        LiifModel model = new LiifModel(SPEC, GoldenData.open("small-full/weights").weights());
        FloatImage input = DecodeBenchmark.randomImage(20, 24, 3);
        LiifImage image = model.encode(input);
        FloatImage whole = image.render(80, 96, RenderMonitor.NONE);
        List<OutputTile> done = new CopyOnWriteArrayList<>();
        AtomicBoolean finished = new AtomicBoolean();
        TileListener listener = new TileListener() {
            @Override
            public void tileDone(OutputTile t) {
                done.add(t);
            }

            @Override
            public void finished(boolean cancelled, Throwable error) {
                finished.set(!cancelled && error == null);
            }
        };
        RenderJob job = new TileScheduler(executor).submit(image, new ViewportRequest(80, 96, 0, 0, 96, 80, 0, 0, 32), listener);
        assertTrue(job.await(30, TimeUnit.SECONDS));
        assertTrue(finished.get());
        assertEquals(9, done.size());
        for (OutputTile t : done) {
            FloatImage p = t.pixels();
            assertArrayEquals(whole.crop((int) t.y(), (int) t.x(), p.height(), p.width()).data(), p.data());
        }

        List<OutputTile> afterCancel = new CopyOnWriteArrayList<>();
        RenderJob cancelled = new TileScheduler(executor).submit(image,
                new ViewportRequest(8000, 9600, 0, 0, 2000, 2000, 0, 0, 100), new TileListener() {
                    @Override
                    public void tileDone(OutputTile t) {
                        afterCancel.add(t);
                    }
                });
        cancelled.cancel();
        assertTrue(cancelled.await(30, TimeUnit.SECONDS));
        assertTrue(afterCancel.size() <= 1, "at most the tile in progress finishes: " + afterCancel.size());
    }

    @Test
    void encodingAheadCoversTheImageWhenTheCacheHasRoom() throws Exception {
        LiifModel model = new LiifModel(SPEC, GoldenData.open("small-full/weights").weights(), 4, new TileCache(1L << 20));
        LiifImage image = model.encode(DecodeBenchmark.randomImage(20, 24, 3));
        ViewportRequest middle = new ViewportRequest(80, 96, 40, 32, 16, 16, 48, 40, 16);
        assertTrue(new TileScheduler(executor).encodeAhead(image, middle).await(30, TimeUnit.SECONDS));
        long encoded = model.cache().misses();
        assertEquals(30, encoded, "every 4-pixel tile of the 20x24 image");
        image.render(80, 96, RenderMonitor.NONE);
        assertEquals(encoded, model.cache().misses(), "a render of the whole image encodes nothing more");
    }

    @Test
    void encodingAheadKeepsHalfTheCacheFreeAndStopsWhenCancelled() throws Exception {
        long budget = 1 << 20;                                 // 512 of the image's 500 tiles of 2 KB
        LiifModel model = new LiifModel(SPEC, GoldenData.open("small-full/weights").weights(), 4, new TileCache(budget));
        LiifImage image = model.encode(DecodeBenchmark.randomImage(20, 400, 3));
        ViewportRequest corner = new ViewportRequest(80, 1600, 0, 0, 16, 16, 8, 8, 16);
        TileScheduler scheduler = new TileScheduler(executor);
        assertTrue(scheduler.encodeAhead(image, corner).await(30, TimeUnit.SECONDS));
        long encoded = model.cache().misses();
        assertTrue(encoded > 100 && encoded < 500, "it encoded the first ring only: " + encoded + " tiles");
        assertTrue(model.cache().bytes() <= budget / 2, model.cache().bytes() + " bytes held");

        LiifModel fresh = new LiifModel(SPEC, GoldenData.open("small-full/weights").weights(), 4, new TileCache(1L << 20));
        LiifImage other = fresh.encode(DecodeBenchmark.randomImage(20, 400, 4));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        executor.submit(() -> {
            release.await();
            return null;
        });
        RenderJob ahead = scheduler.encodeAhead(other, corner);
        ahead.cancel();
        release.countDown();
        assertTrue(ahead.await(30, TimeUnit.SECONDS));
        assertEquals(0, fresh.cache().misses(), "a job cancelled before it ran encodes nothing");
    }
}
