package org.liifviewer.core.encoder;

import java.util.LinkedHashMap;
import java.util.Map;
import org.liifviewer.core.backend.NativeThreads;
import org.liifviewer.core.bench.DecodeBenchmark;
import org.liifviewer.core.bench.RandomWeights;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of {@link WinogradConv3x3} against {@link Conv2d} (oneDNN) in one JVM, interleaved, best of
 * {@value #REPS}: one 64 → 64 convolution on 256×256 and 420×292, and the whole EDSR-baseline stack (head,
 * 16 blocks × 64 features, body conv, skips) both ways (and Winograd with the ReLUs and sums fused into the
 * convolutions), in ms per input megapixel. {@code -Dthreads=1} with {@code OMP_NUM_THREADS=1} compares one core
 * each; {@code -Dverbose=true} prints every repetition. Not a test: run
 * <pre>
 *   ./mvnw -B -q -o test-compile -pl core
 *   ./mvnw -B -q -o dependency:build-classpath -pl core -Dmdep.outputFile=/tmp/cp.txt
 *   nice -n 5 java --add-modules jdk.incubator.vector \
 *       -cp core/target/test-classes:core/target/classes:$(cat /tmp/cp.txt) \
 *       org.liifviewer.core.encoder.WinogradConv3x3Benchmark
 * </pre>
 */
public final class WinogradConv3x3Benchmark {

    static final int REPS = 5;
    static final boolean VERBOSE = Boolean.getBoolean("verbose");
    /** Threads of the Winograd convolutions (-Dthreads=1 with OMP_NUM_THREADS=1 compares one core each). */
    static final int THREADS = Integer.getInteger("threads", EncoderThreads.PARALLELISM);

    private WinogradConv3x3Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        NativeThreads.configure();
        System.out.printf("vector lanes %d, cores %d, Winograd threads %d, OMP_NUM_THREADS %s,"
                + " GEMM [65536x256]x[256x256] %.0f GFLOP/s%n", WinogradConv3x3.LANES.length(),
                EncoderThreads.PARALLELISM, THREADS, System.getenv("OMP_NUM_THREADS"), DecodeBenchmark.gemmGflops());
        Weights one = WinogradConv3x3Test.convWeights("c", 64, 64, 1);
        Conv2d direct = new Conv2d(one, "c", 64, 64, 3);
        WinogradConv3x3 wino = new WinogradConv3x3(one, "c", 64, 64, WinogradConv3x3.defaultBlockTiles(64, 64),
                THREADS);
        warmUp(direct, wino);
        for (int[] size : new int[][] {{256, 256}, {420, 292}}) {
            int h = size[0];
            int w = size[1];
            INDArray x = WinogradConv3x3Test.randomInput(1, h, w, 64, 2);
            INDArray y = Nd4j.createUninitialized(DataType.FLOAT, 1, h, w, 64);
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (int rep = -2; rep < REPS; rep++) {                     // two warm-up rounds
                double d = time(() -> direct.applyInto(x, y));
                double v = time(() -> wino.applyInto(x, y));
                if (rep >= 0) {
                    best[0] = Math.min(best[0], d);
                    best[1] = Math.min(best[1], v);
                }
                if (VERBOSE) {
                    System.out.printf("  rep %d: Conv2d %.2f ms, Winograd %.2f ms%n", rep, d * 1e3, v * 1e3);
                }
            }
            double gflop = 2.0 * h * w * 64 * 64 * 9 / 1e9;
            System.out.printf("one 64->64 conv %dx%d: Conv2d %.2f ms (%.0f GFLOP/s), Winograd %.2f ms (%.0f direct-"
                    + "equivalent GFLOP/s), speed-up %.2fx%n", h, w, best[0] * 1e3, gflop / best[0], best[1] * 1e3,
                    gflop / best[1], best[0] / best[1]);
        }
        stack(256, 256);
        stack(420, 292);
        System.exit(0);
    }

    /** EDSR-baseline's whole stack both ways (the head on Conv2d in both), and the production encoder. */
    private static void stack(int h, int w) throws Exception {
        int f = 64;
        int blocks = 16;
        LiifSpec spec = RandomWeights.fullSizeEdsrBaselineLiif();
        Weights weights = RandomWeights.of(spec, 3);
        Conv2d head = new Conv2d(weights, "encoder.head.0", 3, f, 3);
        Conv2d[] direct = new Conv2d[2 * blocks + 1];
        WinogradConv3x3[] wino = new WinogradConv3x3[2 * blocks + 1];
        Map<Integer, String> names = new LinkedHashMap<>();
        for (int b = 0; b < blocks; b++) {
            names.put(2 * b, "encoder.body." + b + ".body.0");
            names.put(2 * b + 1, "encoder.body." + b + ".body.2");
        }
        names.put(2 * blocks, "encoder.body." + blocks);
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            direct[e.getKey()] = new Conv2d(weights, e.getValue(), f, f, 3);
            wino[e.getKey()] = new WinogradConv3x3(weights, e.getValue(), f, f, WinogradConv3x3.defaultBlockTiles(f, f),
                    THREADS);
        }
        Encoder encoder = Encoders.create(spec.encoder(), weights);
        FloatImage rgb = DecodeBenchmark.randomImage(h, w, 2);
        INDArray x = WinogradConv3x3Test.randomInput(1, h, w, 3, 5);
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] err = new double[2];
        for (int rep = -1; rep < REPS; rep++) {
            INDArray[] out = new INDArray[3];
            double d = time(() -> out[0] = run(head, x, blocks, (i, a, b) -> direct[i].applyInto(a, b)));
            double v = time(() -> out[1] = run(head, x, blocks, (i, a, b) -> wino[i].applyInto(a, b)));
            double fu = time(() -> {
                try (INDArray hx = head.apply(x)) {
                    out[2] = WinogradConv3x3Test.fusedStack(hx, blocks, wino);
                }
            });
            double e = time(() -> encoder.encodeChannelsLast(rgb).close());
            err[0] = WinogradConv3x3Test.relativeError(out[1], out[0]);
            err[1] = WinogradConv3x3Test.relativeError(out[2], out[0]);
            for (INDArray o : out) {
                o.close();
            }
            if (rep >= 0) {
                best[0] = Math.min(best[0], d);
                best[1] = Math.min(best[1], v);
                best[2] = Math.min(best[2], fu);
                best[3] = Math.min(best[3], e);
            }
        }
        double mp = h * w / 1e6;
        System.out.printf("EDSR-baseline stack %dx%d: Conv2d %.0f ms/MP, Winograd %.0f ms/MP (%.2fx), Winograd with"
                + " ReLU and sums fused %.0f ms/MP (%.2fx); production EdsrEncoder.encodeChannelsLast %.0f ms/MP;"
                + " stack errors %.1e, %.1e%n", h, w, best[0] * 1e3 / mp, best[1] * 1e3 / mp, best[0] / best[1],
                best[2] * 1e3 / mp, best[0] / best[2], best[3] * 1e3 / mp, err[0], err[1]);
    }

    /** EdsrEncoder's forward pass (res_scale 1, no tap) on the given 64 → 64 convolutions. */
    private static INDArray run(Conv2d head, INDArray x, int blocks, WinogradConv3x3Test.Layer conv) {
        INDArray h = head.apply(x);
        try {
            return WinogradConv3x3Test.stack(h, blocks, conv);
        } finally {
            h.close();
        }
    }

    /** Compiled kernels before anything is timed: a second of both convolutions on a small input. */
    private static void warmUp(Conv2d direct, WinogradConv3x3 wino) {
        INDArray x = WinogradConv3x3Test.randomInput(1, 96, 96, 64, 9);
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, 1, 96, 96, 64);
        long end = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < end) {
            direct.applyInto(x, y);
            wino.applyInto(x, y);
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
