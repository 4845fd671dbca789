package org.liifviewer.core.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Winograd F(4×4, 3×3) against oneDNN's direct convolution ({@link Conv2d}) on seeded random weights drawn like
 * PyTorch's initialisation (uniform in ±1/sqrt(fan_in), the scale of a trained EDSR's convolutions) and random
 * activations. The error measure is the largest absolute difference relative to the reference output's largest
 * magnitude; one layer must stay below {@value #LAYER_TOLERANCE}, a whole EDSR-baseline stack below
 * {@value #STACK_TOLERANCE}.
 */
class WinogradConv3x3Test {

    static final double LAYER_TOLERANCE = 1e-5;
    static final double STACK_TOLERANCE = 5e-5;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(1, 1, 64, 64, 48, 2),        // one partial tile
                Arguments.of(5, 7, 64, 64, 48, 2),        // one block of partial tiles, helpers idle
                Arguments.of(37, 53, 64, 64, 48, 2),      // partial edge tiles, many blocks, two threads
                Arguments.of(37, 53, 64, 64, 5, 1),       // small blocks (3 per row of 14 tiles), one thread
                Arguments.of(37, 53, 64, 64, 1000, 1),    // whole rows of 14 tiles as blocks (12 + 3 kernel rows)
                Arguments.of(4, 150, 64, 64, 1000, 2),    // one row of tiles: a single block
                Arguments.of(64, 48, 64, 64, 48, 2),      // whole tiles only
                Arguments.of(13, 9, 128, 64, 48, 2),      // more inputs than one chunk (RDN's wider convs)
                Arguments.of(11, 10, 32, 48, 12, 2),      // outputs narrower than a 4-vector chunk
                Arguments.of(6, 4, 16, 80, 48, 2));       // one whole and one narrow chunk
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matchesTheDirectConvolution(int h, int w, int in, int out, int blockTiles, int threads) throws Exception {
        Weights weights = convWeights("c", in, out, 11 + h * w);
        WinogradConv3x3 wino = new WinogradConv3x3(weights, "c", in, out, blockTiles, threads);
        assertTrue(wino.isWinograd());
        INDArray x = randomInput(1, h, w, in, 3 + h);
        INDArray expected = new Conv2d(weights, "c", in, out, 3).apply(x);
        INDArray actual = Nd4j.createUninitialized(DataType.FLOAT, 1, h, w, out);
        wino.applyInto(x, actual);
        double err = relativeError(actual, expected);
        System.out.printf("%dx%d %d->%d, blocks of %d tiles, %d threads: error against oneDNN %.2e%n", h, w, in, out,
                blockTiles, threads, err);
        assertTrue(err < LAYER_TOLERANCE, () -> String.format("%dx%d %d->%d: error %.2e", h, w, in, out, err));
    }

    @ParameterizedTest
    @MethodSource("fusedShapes")
    void reluAndAccumulateInOnePassMatchSeparateOperations(int in, int out, boolean viaWinograd) throws Exception {
        Weights weights = convWeights("c", in, out, 21);
        WinogradConv3x3 wino = new WinogradConv3x3(weights, "c", in, out, 12, 2);
        assertEquals(viaWinograd, wino.isWinograd());
        INDArray x = randomInput(1, 19, 23, in, 22);
        INDArray conv = new Conv2d(weights, "c", in, out, 3).apply(x);
        INDArray relu = Nd4j.createUninitialized(DataType.FLOAT, 1, 19, 23, out);
        wino.applyReluInto(x, relu);
        double reluErr = relativeError(relu, Transforms.relu(conv, true));
        assertTrue(reluErr < LAYER_TOLERANCE, "relu error " + reluErr);
        INDArray acc = randomInput(1, 19, 23, out, 23);
        INDArray expected = acc.add(conv.mul(0.25));
        wino.applyAddInto(x, acc, 0.25f);
        double addErr = relativeError(acc, expected);
        assertTrue(addErr < LAYER_TOLERANCE, "accumulate error " + addErr);
    }

    static Stream<Arguments> fusedShapes() {
        return Stream.of(Arguments.of(64, 64, true), Arguments.of(3, 64, false));
    }

    @Test
    void singleLayerErrorIsCloseToTheDirectConvolutionsOwn() throws Exception {
        int h = 24;
        int w = 20;
        Weights weights = convWeights("c", 64, 64, 5);
        INDArray x = randomInput(1, h, w, 64, 6);
        double[] exact = reference(x.data().asFloat(), weights.get("c.weight").data(), weights.get("c.bias").data(),
                h, w, 64, 64);
        double wino = relativeError(new WinogradConv3x3(weights, "c", 64, 64).apply(x).data().asFloat(), exact);
        double direct = relativeError(new Conv2d(weights, "c", 64, 64, 3).apply(x).data().asFloat(), exact);
        System.out.printf("one 64->64 layer, error against float64: Winograd %.2e, oneDNN %.2e%n", wino, direct);
        assertTrue(wino < LAYER_TOLERANCE, "Winograd error " + wino);
    }

    @Test
    void batchesAndStridedViewsGiveTheSameAsSingleImages() throws Exception {
        Weights weights = convWeights("c", 32, 32, 9);
        WinogradConv3x3 wino = new WinogradConv3x3(weights, "c", 32, 32);
        INDArray batch = randomInput(2, 9, 14, 32, 4);
        INDArray both = wino.apply(batch);
        for (int b = 0; b < 2; b++) {
            INDArray one = batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b)).reshape(1, 9, 14, 32);
            assertArrayEquals(wino.apply(one).data().asFloat(),
                    both.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b)).dup('c').data().asFloat());
        }
        INDArray fortran = batch.dup('f');
        INDArray out = Nd4j.create(DataType.FLOAT, new long[] {2, 9, 14, 32}, 'f');
        wino.applyInto(fortran, out);
        assertArrayEquals(both.data().asFloat(), out.dup('c').data().asFloat());
    }

    @Test
    void unsupportedChannelsFallBackToConv2d() throws Exception {
        Weights weights = convWeights("head", 3, 64, 2);
        WinogradConv3x3 wino = new WinogradConv3x3(weights, "head", 3, 64);
        assertFalse(wino.isWinograd());
        assertFalse(WinogradConv3x3.supports(3, 64));
        INDArray x = randomInput(1, 7, 5, 3, 1);
        assertArrayEquals(new Conv2d(weights, "head", 3, 64, 3).apply(x).data().asFloat(),
                wino.apply(x).data().asFloat());
    }

    /**
     * EDSR-baseline (head, 16 residual blocks of conv-ReLU-conv, body conv, global skip: 34 convolutions, the 33 of
     * 64 → 64 by Winograd) against the same stack on {@link Conv2d}; inputs in [-1, 1] as the encoder feeds them.
     */
    @Test
    void edsrBaselineStackStaysCloseToTheDirectConvolutions() throws Exception {
        int h = 22;
        int w = 27;
        int f = 64;
        int blocks = 16;
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.putAll(convWeights("head", 3, f, 100).asMap());
        for (int i = 0; i < 2 * blocks + 1; i++) {
            m.putAll(convWeights("c" + i, f, f, 200 + i).asMap());
        }
        Weights weights = new Weights(m);
        Conv2d head = new Conv2d(weights, "head", 3, f, 3);
        Conv2d[] direct = new Conv2d[2 * blocks + 1];
        WinogradConv3x3[] wino = new WinogradConv3x3[2 * blocks + 1];
        for (int i = 0; i < direct.length; i++) {
            direct[i] = new Conv2d(weights, "c" + i, f, f, 3);
            wino[i] = new WinogradConv3x3(weights, "c" + i, f, f);
        }
        INDArray x = randomInput(1, h, w, 3, 7).muli(0.5);
        INDArray hx = head.apply(x);
        INDArray expected = stack(hx, blocks, (i, in, out) -> direct[i].applyInto(in, out));
        INDArray actual = stack(hx, blocks, (i, in, out) -> wino[i].applyInto(in, out));
        INDArray fused = fusedStack(hx, blocks, wino);
        double err = relativeError(actual, expected);
        double fusedErr = relativeError(fused, expected);
        System.out.printf("EDSR-baseline stack (%d blocks), Winograd against oneDNN: %.2e (fused ReLU and sums:"
                + " %.2e)%n", blocks, err, fusedErr);
        assertTrue(err < STACK_TOLERANCE, "stack error " + err);
        assertTrue(fusedErr < STACK_TOLERANCE, "fused stack error " + fusedErr);
    }

    @FunctionalInterface
    interface Layer {
        void apply(int index, INDArray in, INDArray out);
    }

    /** The EDSR body and global skip after the head, in the encoder's order of operations. */
    static INDArray stack(INDArray h, int blocks, Layer conv) {
        INDArray res = h.dup();
        INDArray mid = Nd4j.createUninitialized(h.dataType(), h.shape());
        INDArray branch = Nd4j.createUninitialized(h.dataType(), h.shape());
        try {
            for (int b = 0; b < blocks; b++) {
                conv.apply(2 * b, res, mid);
                Transforms.relu(mid, false);
                conv.apply(2 * b + 1, mid, branch);
                res.addi(branch);
            }
            conv.apply(2 * blocks, res, branch);
            return branch.addi(h);
        } finally {
            res.close();
            mid.close();
        }
    }

    /** {@link #stack} with each block's ReLU, residual sum and the global skip inside the convolutions. */
    static INDArray fusedStack(INDArray h, int blocks, WinogradConv3x3[] conv) {
        INDArray res = h.dup();
        INDArray mid = Nd4j.createUninitialized(h.dataType(), h.shape());
        INDArray out = h.dup();
        try {
            for (int b = 0; b < blocks; b++) {
                conv[2 * b].applyReluInto(res, mid);
                conv[2 * b + 1].applyAddInto(mid, res, 1f);
            }
            conv[2 * blocks].applyAddInto(res, out, 1f);
            return out;
        } finally {
            res.close();
            mid.close();
        }
    }

    /** Weights {@code <name>.weight} (out, in, 3, 3) and {@code <name>.bias}, uniform in ±1/sqrt(in·9). */
    static Weights convWeights(String name, int in, int out, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double bound = 1 / Math.sqrt(in * 9.0);
        float[] wt = new float[out * in * 9];
        for (int i = 0; i < wt.length; i++) {
            wt[i] = (float) rnd.nextDouble(-bound, bound);
        }
        float[] b = new float[out];
        for (int i = 0; i < out; i++) {
            b[i] = (float) rnd.nextDouble(-bound, bound);
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put(name + ".weight", new Tensor(new long[] {out, in, 3, 3}, wt));
        m.put(name + ".bias", new Tensor(new long[] {out}, b));
        return new Weights(m);
    }

    /** Standard normal activations. */
    static INDArray randomInput(int n, int h, int w, int c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[n * h * w * c];
        for (int i = 0; i < v.length; i++) {
            double u1 = rnd.nextDouble(Double.MIN_VALUE, 1);
            v[i] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rnd.nextDouble()));
        }
        return Nd4j.create(v, new long[] {n, h, w, c}, 'c');
    }

    /** The convolution in double precision, channels last. */
    static double[] reference(float[] x, float[] weight, float[] bias, int h, int w, int in, int out) {
        double[] y = new double[h * w * out];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                for (int o = 0; o < out; o++) {
                    double s = bias[o];
                    for (int ky = 0; ky < 3; ky++) {
                        int yy = r + ky - 1;
                        for (int kx = 0; kx < 3 && yy >= 0 && yy < h; kx++) {
                            int xx = c + kx - 1;
                            if (xx < 0 || xx >= w) {
                                continue;
                            }
                            int px = (yy * w + xx) * in;
                            for (int i = 0; i < in; i++) {
                                s += (double) x[px + i] * weight[((o * in + i) * 3 + ky) * 3 + kx];
                            }
                        }
                    }
                    y[(r * w + c) * out + o] = s;
                }
            }
        }
        return y;
    }

    /** max |actual - expected| / max |expected|. */
    static double relativeError(INDArray actual, INDArray expected) {
        assertArrayEquals(expected.shape(), actual.shape());
        float[] e = expected.dup('c').data().asFloat();
        double[] ed = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            ed[i] = e[i];
        }
        return relativeError(actual.dup('c').data().asFloat(), ed);
    }

    static double relativeError(float[] actual, double[] expected) {
        assertEquals(expected.length, actual.length);
        double diff = 0;
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
            max = Math.max(max, Math.abs(expected[i]));
        }
        return diff / max;
    }
}
