package org.liifviewer.core.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.LiifImage;
import org.liifviewer.core.render.LiifModel;
import org.liifviewer.core.render.OutputTile;
import org.liifviewer.core.render.RenderJob;
import org.liifviewer.core.render.TileCache;
import org.liifviewer.core.render.TileListener;
import org.liifviewer.core.render.TileScheduler;
import org.liifviewer.core.render.ViewportRequest;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures encoder and decoder speed of the full-size EDSR-baseline-LIIF (random weights) on this machine's
 * ND4J backend, against the backend's own GEMM throughput, and the viewer's viewport latency; then the same figures
 * for LM-LIIF's fast decoder (LMF's published configuration) on the same encoder, under {@code "fast"}.
 */
public final class DecodeBenchmark {

    /** FLOPs of one output pixel in the naive decoder: 4 members x 2 x (580*256 + 3*256*256 + 256*3). */
    public static final double NAIVE_FLOP_PER_PIXEL = 4 * 2.0 * (580 * 256 + 3 * 256 * 256 + 256 * 3);

    /** Timed whole-image renders per decoder figure, of which the fastest counts. */
    static final int DECODE_RUNS = 3;

    /** Output tile side used for viewport renders, as the viewer does. */
    public static final int VIEWPORT_TILE = 128;

    private final Consumer<String> log;

    public DecodeBenchmark(Consumer<String> log) {
        this.log = log;
    }

    /** Runs every measurement; returns the figures under the keys of {@code liif bench --json}. */
    public Map<String, Object> run(boolean quick) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        double gflops = gemmGflops();
        log.accept(String.format("GEMM [65536x256]x[256x256] fp32: %.1f GFLOP/s", gflops));
        LiifSpec liif = RandomWeights.fullSizeEdsrBaselineLiif();
        Map<String, Object> full = measure("LIIF", liif, quick);
        double x4 = ((Number) full.get("decode_px_s_x4")).doubleValue();
        double bound = x4 / (gflops * 1e9 / NAIVE_FLOP_PER_PIXEL);
        log.accept(String.format("bound_ratio (x4 px/s / naive GEMM-bound px/s): %.2f", bound));
        r.put("encoder_ms_per_mp", full.get("encoder_ms_per_mp"));
        r.put("decode_px_s_x4", full.get("decode_px_s_x4"));
        r.put("decode_px_s_x30", full.get("decode_px_s_x30"));
        r.put("gemm_gflops", round(gflops));
        r.put("bound_ratio", round(bound));
        r.put("viewport", full.get("viewport"));
        r.put("fast", measure("LM-LIIF", RandomWeights.fullSizeEdsrBaselineLmLiif(), quick));
        return r;
    }

    /** Encoder, decoder and viewport figures of one architecture (random weights). */
    private Map<String, Object> measure(String name, LiifSpec spec, boolean quick) throws Exception {
        Weights weights = RandomWeights.of(spec, 1);
        Map<String, Object> r = new LinkedHashMap<>();
        double encMsPerMp = encoderMsPerMegapixel(spec, weights, quick ? 128 : 256);
        log.accept(String.format("%s encoder: %.0f ms per input megapixel", name, encMsPerMp));
        double x4 = decodePixelsPerSecond(spec, weights, quick ? 64 : 256, 4);
        log.accept(String.format("%s decoder x4: %.0f output px/s", name, x4));
        double x30 = decodePixelsPerSecond(spec, weights, quick ? 16 : 48, 30);
        log.accept(String.format("%s decoder x30: %.0f output px/s", name, x30));
        r.put("encoder_ms_per_mp", round(encMsPerMp));
        r.put("decode_px_s_x4", Math.round(x4));
        r.put("decode_px_s_x30", Math.round(x30));
        Map<String, Object> viewports = new LinkedHashMap<>();
        FloatImage big = randomImage(quick ? 672 : 1344, quick ? 1020 : 2040, 5);
        int vw = quick ? 640 : 1280;
        int vh = quick ? 400 : 800;
        ExecutorService renderThread = Executors.newSingleThreadExecutor();    // kept, as the viewer keeps its own
        try {
            viewport(spec, weights, big, 3, vw, vh, renderThread);              // warm-up (JIT), not reported
            for (double zoom : new double[] {2, 4, 30}) {
                double[] t = viewport(spec, weights, big, zoom, vw, vh, renderThread);
                log.accept(String.format("%s viewport %dx%d at x%.0f: first tile %.2f s, full %.2f s, of which"
                        + " encoding %.2f s", name, vw, vh, zoom, t[0], t[1], t[2]));
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("first_tile_s", round(t[0]));
                v.put("full_s", round(t[1]));
                v.put("encoder_s", round(t[2]));
                viewports.put(String.valueOf((int) zoom), v);
            }
        } finally {
            renderThread.shutdownNow();
        }
        r.put("viewport", viewports);
        return r;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** fp32 GEMM throughput into a preallocated output, best of several runs. */
    public static double gemmGflops() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 65536, 256);
        INDArray b = Nd4j.rand(DataType.FLOAT, 256, 256);
        INDArray c = Nd4j.createUninitialized(DataType.FLOAT, 65536, 256);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return 2.0 * 65536 * 256 * 256 / best / 1e9;
    }

    private static double encoderMsPerMegapixel(LiifSpec spec, Weights weights, int side) throws Exception {
        LiifModel model = new LiifModel(spec, weights);
        FloatImage img = randomImage(side, side, 2);
        model.encoder().encode(img);                                  // warm-up
        long t0 = System.nanoTime();
        int reps = 2;
        for (int i = 0; i < reps; i++) {
            model.encoder().encode(img);
        }
        double seconds = (System.nanoTime() - t0) / 1e9 / reps;
        return seconds * 1000 / (side * side / 1e6);
    }

    /**
     * Whole-image render speed at an integer scale, with the features already encoded: the best of
     * {@value #DECODE_RUNS} renders (the steady state a viewer reaches after its first tiles).
     */
    private static double decodePixelsPerSecond(LiifSpec spec, Weights weights, int side, int scale)
            throws Exception {
        LiifModel model = new LiifModel(spec, weights, LiifModel.DEFAULT_TILE, new TileCache(4L << 30));
        model.warmUp();                                               // compiled kernels, as the viewer has them
        LiifImage image = model.encode(randomImage(side, side, 3));
        image.render(side, side, RenderMonitor.NONE);                 // encodes every tile
        int out = side * scale;
        double best = Double.MAX_VALUE;
        for (int run = 0; run < DECODE_RUNS; run++) {
            long t0 = System.nanoTime();
            image.render(out, out, RenderMonitor.NONE);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return (double) out * out / best;
    }

    /**
     * Seconds to the first finished tile and to the whole viewport, from a cold cache (encoding included), and the
     * seconds of that spent encoding.
     */
    private static double[] viewport(LiifSpec spec, Weights weights, FloatImage img, double zoom, int vw, int vh,
                                     ExecutorService ex) throws Exception {
        LiifModel model = new LiifModel(spec, weights, LiifModel.DEFAULT_TILE, new TileCache(2L << 30));
        model.warmUp();
        LiifImage image = model.encode(img);
        long gridH = Math.round(img.height() * zoom);
        long gridW = Math.round(img.width() * zoom);
        long x = (gridW - vw) / 2;
        long y = (gridH - vh) / 2;
        ViewportRequest req = new ViewportRequest(gridH, gridW, x, y, vw, vh, x + vw / 2.0, y + vh / 2.0, VIEWPORT_TILE);
        AtomicLong first = new AtomicLong();
        long t0 = System.nanoTime();
        RenderJob job = new TileScheduler(ex).submit(image, req, new TileListener() {
            @Override
            public void tileDone(OutputTile tile) {
                first.compareAndSet(0, System.nanoTime());
            }
        });
        job.await(1, TimeUnit.HOURS);
        return new double[] {(first.get() - t0) / 1e9, (System.nanoTime() - t0) / 1e9, model.cache().encodingSeconds()};
    }

    /** An RGB image of seeded uniformly random 8-bit values (k/255). */
    public static FloatImage randomImage(int h, int w, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] d = new float[3 * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextInt(256) / 255f;
        }
        return new FloatImage(3, h, w, d);
    }
}
