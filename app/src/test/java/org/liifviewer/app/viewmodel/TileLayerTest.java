package org.liifviewer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Axis;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.ContinuousImage;
import org.liifviewer.core.render.TileScheduler;

class TileLayerTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService ui = Executors.newSingleThreadExecutor();   // stands in for the FX thread
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** A flat 400 x 300 image that records what the scheduler asks of it ("render", "alone", "prefetch ..."). */
    private final ContinuousImage image = new ContinuousImage() {
        public int height() {
            return 300;
        }

        public int width() {
            return 400;
        }

        public FloatImage render(Axis rows, Axis cols, RenderMonitor monitor) {
            calls.add("render");
            return FloatImage.zeros(3, rows.count(), cols.count());
        }

        @Override
        public FloatImage renderAlone(Axis rows, Axis cols, RenderMonitor monitor) {
            calls.add("alone");
            return FloatImage.zeros(3, rows.count(), cols.count());
        }

        @Override
        public void prefetch(Axis rows, Axis cols, RenderMonitor monitor) {
            calls.add("prefetch x " + window(cols, 1600) + " y " + window(rows, 1200));
        }
    };

    /** Tiles rendered so far, alone or not. */
    private long renders() {
        return calls.stream().filter(c -> !c.startsWith("prefetch")).count();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
        ui.shutdownNow();
    }

    private TileLayer<FloatImage> layer() {
        return new TileLayer<>(new TileScheduler(worker), ui, f -> f, f -> 4L * f.planeSize(), 1 << 30);
    }

    private void onUi(Runnable r) throws Exception {
        ui.submit(r).get(10, TimeUnit.SECONDS);
    }

    private void awaitIdle(TileLayer<FloatImage> layer) throws Exception {
        for (int i = 0; i < 500; i++) {
            boolean[] busy = new boolean[1];
            onUi(() -> busy[0] = layer.busyProperty().get());
            if (!busy[0]) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("render did not finish");
    }

    @Test
    void rendersVisibleTilesOnceFirstAloneAndOnlyNewOnesAfterAPan() throws Exception {
        TileLayer<FloatImage> layer = layer();
        Viewport v = Viewport.fit(400, 300, 400, 300).zoomedAt(4, 0, 0);      // grid 1600 x 1200, view 400 x 300
        onUi(() -> {
            layer.setImage(image);
            layer.request(v, 0, 0);
        });
        awaitIdle(layer);
        long first = renders();
        assertEquals(4 * 3, first, "4 x 3 tiles of 128 cover 400 x 300 at the origin");
        assertEquals("alone", calls.get(0), "the first tile is rendered from its own crop");
        assertEquals("prefetch x 0+512 y 0+384", calls.get(1), "then the other 11 are encoded in one go");
        int[] drawn = new int[1];
        boolean[] opaque = new boolean[2];
        onUi(() -> {
            drawn[0] = layer.frame(v).tiles().size();
            opaque[0] = layer.frame(v).opaque();
            opaque[1] = layer.frame(v.zoomedAt(5, 0, 0)).opaque();
        });
        assertEquals(12, drawn[0]);
        assertTrue(opaque[0], "every visible tile stored: nothing beneath shows");
        assertTrue(opaque[1], "zoomed further in, the previous grid's tiles still cover the view");

        onUi(() -> layer.request(v, 0, 0));
        awaitIdle(layer);
        assertEquals(first, renders(), "nothing new to render");

        Viewport panned = v.pannedBy(-128, 0);                                   // one tile column to the right
        calls.clear();
        onUi(() -> layer.request(panned, 200, 150));
        awaitIdle(layer);
        assertEquals(List.of("alone", "prefetch x 512+128 y 0+384", "render", "render"), calls,
                "only the new column: its tile nearest the focus alone, then the other two, prefetched together");
        TileLayer.RenderTimes[] t = new TileLayer.RenderTimes[1];
        onUi(() -> t[0] = layer.lastRenderProperty().get());
        assertEquals(3, t[0].tiles());
    }

    /** "start+count" of a grid window on an axis of {@code n} pixels (pixel i is at (2i + 1) / n - 1). */
    private static String window(Axis axis, long n) {
        return Math.round(((axis.coord(0) + 1.0) * n - 1) / 2) + "+" + axis.count();
    }
}
