package org.liifviewer.core.encoder;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A 3×3 convolution with bias, stride 1 and zero padding 1 on channels-last (N, H, W, in) float activations, by
 * Winograd's minimal filtering F(4×4, 3×3): the same result as {@link Conv2d} (up to float rounding) from the same
 * (out, in, 3, 3) weights, with 36 instead of 144 multiplications per output 4×4 tile and channel pair.
 *
 * <p>Each output tile of 4×4 pixels reads a 6×6 input tile {@code d} (one pixel of overlap on every side, zeros
 * outside the image); per channel pair its result is {@code Y = Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A} for the 3×3 kernel
 * {@code g}. Summed over input channels this is, per position of the 6×6 transformed tile, one product of (tiles ×
 * in) transformed inputs with (in × out) transformed weights: 36 small matrix products per block of tiles.
 *
 * <p>The transforms come from the interpolation points 0, 1, −1, 1/2, −2 and ∞. The usual 0, ±1, ±2 (Lavin and
 * Gray), or 0, ±1, ±1/2, amplify float rounding by powers up to 8 in one direction; pairing 1/2 with −2 balances
 * them: on random weights scaled like a trained network's the maximum error relative to the output's largest
 * magnitude was about a third of theirs (2e-6 against 7e-6; rms 9e-7 against 1.4e-6). The matrices, with the rows
 * of {@code Bᵀ} scaled to small integers and {@code G}'s rows divided by the same factors:
 * <pre>
 *   Aᵀ = | 1  1  1  1    1  0 |    G = | 1/2     0     0    |    Bᵀ = | 2 -3 -4  3  2  0 |
 *        | 0  1 -1  1/2 -2  0 |        | 1/6   1/6   1/6    |         | 0 -2  1  5  2  0 |
 *        | 0  1  1  1/4  4  0 |        | 1/6  -1/6   1/6    |         | 0 -2  5 -1 -2  0 |
 *        | 0  1 -1  1/8 -8  1 |        | 16/15 8/15  4/15   |         | 0  2  1 -2 -1  0 |
 *                                      | 1/30 -1/15  2/15   |         | 0  1 -2 -1  2  0 |
 *                                      | 0     0     1/2    |         | 0  2 -3 -4  3  2 |
 * </pre>
 * The weights are transformed once, in double precision, at construction.
 *
 * <p>Work goes in blocks of up to {@value #MAX_BLOCK_TILES} consecutive tiles of one row of tiles, so nothing of
 * the size of the image is ever transformed. Per block: the input pixels are copied (zeros outside the image) a
 * few tiles at a time into a small strip that stays in the L1 cache, transformed down its columns once (neighbours
 * share two) and along each tile's rows into the block's 36 (tiles × in) matrices; a register-blocked SIMD kernel
 * (the JDK's Vector API: 6 tiles × 4 vectors of outputs, 24 independent accumulators) multiplies each with its
 * pre-laid-out (in × out) weights; the output transform adds the bias (and optionally applies a ReLU, or adds the
 * result to what the output holds) and copies the rows out, clipped at the image's right and bottom edges. Blocks
 * are taken one by one by the calling thread and {@link EncoderThreads}; each thread keeps its buffers (about
 * 1 MiB) for the next call.
 *
 * <p>Needs {@code in} and {@code out} to be multiples of the vector length (16 lanes with AVX-512, 8 with AVX2) and
 * float arrays; otherwise (the 3-channel head convolution, say) it delegates to {@link Conv2d}, as it does for
 * arrays of 2 GiB or more and on ND4J backends other than the CPU's (it reads and writes the arrays' host memory).
 * Arrays not in C order are copied.
 */
public final class WinogradConv3x3 {

    static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED.length() > 16
            ? FloatVector.SPECIES_512 : FloatVector.SPECIES_PREFERRED;
    private static final int L = LANES.length();
    /** Outputs per micro-kernel call: four vectors. */
    private static final int CHUNK = 4 * L;
    /** Tiles per micro-kernel call: 6 × 4 accumulators use 24 of AVX-512's 32 registers; 3 × 4 of AVX2's 16. */
    private static final int ROWS = L >= 16 ? 6 : 3;
    /** Tiles whose input (output) pixels go through the L1 cache together: 6 rows of 18 pixels, 4 of 16. */
    private static final int GROUP = 4;
    /** The most tiles per block (their transformed inputs and products for 64 → 64 channels take 0.9 MiB). */
    static final int MAX_BLOCK_TILES = 48;
    /** Per-thread floats for a block's transformed inputs and products together (1 MiB: inside L2). */
    private static final int BLOCK_FLOATS = 1 << 18;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    private static final FloatVector TWO = FloatVector.broadcast(LANES, 2f);
    private static final FloatVector MINUS_TWO = FloatVector.broadcast(LANES, -2f);
    private static final FloatVector FOUR = FloatVector.broadcast(LANES, 4f);
    private static final FloatVector MINUS_EIGHT = FloatVector.broadcast(LANES, -8f);
    private static final FloatVector HALF = FloatVector.broadcast(LANES, 0.5f);
    private static final FloatVector QUARTER = FloatVector.broadcast(LANES, 0.25f);
    private static final FloatVector EIGHTH = FloatVector.broadcast(LANES, 0.125f);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Rows of G (6 × 3), each divided by the factor that made the same row of Bᵀ integer. */
    private static final double[][] G = {
        {1 / 2.0, 0, 0},
        {1 / 6.0, 1 / 6.0, 1 / 6.0},
        {1 / 6.0, -1 / 6.0, 1 / 6.0},
        {16 / 15.0, 8 / 15.0, 4 / 15.0},
        {1 / 30.0, -1 / 15.0, 2 / 15.0},
        {0, 0, 1 / 2.0}};

    private final int in;
    private final int out;
    private final Conv2d fallback;
    /** Transformed weights: per position p, per chunk of CHUNK outputs, an (in × chunk width) row-major matrix. */
    private final float[] u;
    private final float[] bias;
    private final int blockTiles;
    private final int parallelism;

    /** Reads {@code <name>.weight} (out, in, 3, 3) and {@code <name>.bias} (out), as {@link Conv2d} does. */
    public WinogradConv3x3(Weights w, String name, int in, int out) throws ModelFormatException {
        this(w, name, in, out, defaultBlockTiles(in, out), EncoderThreads.PARALLELISM);
    }

    /**
     * From an (out, in, 3, 3) kernel and {@code out} biases, both in C order: a convolution that is not a model
     * file's named layer (a decoder's first-layer projection, say).
     */
    public static WinogradConv3x3 of(float[] kernel, float[] bias, int in, int out) {
        Weights w = new Weights(java.util.Map.of("conv.weight", new Tensor(new long[] {out, in, 3, 3}, kernel),
                "conv.bias", new Tensor(new long[] {out}, bias)));
        try {
            return new WinogradConv3x3(w, "conv", in, out);
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** With a chosen largest block (in tiles) and number of threads, for tests. */
    WinogradConv3x3(Weights w, String name, int in, int out, int blockTiles, int parallelism)
            throws ModelFormatException {
        this.in = in;
        this.out = out;
        this.fallback = new Conv2d(w, name, in, out, 3);
        Tensor wt = w.get(name + ".weight", out, in, 3, 3);
        this.bias = w.get(name + ".bias", out).data().clone();
        this.u = supports(in, out) ? transformWeights(wt.data(), in, out) : null;
        this.blockTiles = Math.max(1, blockTiles);
        this.parallelism = Math.max(1, parallelism);
    }

    /** Whether these channel counts run by Winograd here (else this delegates to {@link Conv2d}). */
    public static boolean supports(int in, int out) {
        return L >= 8 && in > 0 && out > 0 && in % L == 0 && out % L == 0;
    }

    /** Tiles per block such that a block's buffers take about {@link #BLOCK_FLOATS}. */
    static int defaultBlockTiles(int in, int out) {
        return Math.max(3, Math.min(MAX_BLOCK_TILES, BLOCK_FLOATS / (36 * (in + out))));
    }

    /** Whether {@link #applyInto} runs by Winograd (rather than delegating to {@link Conv2d}). */
    public boolean isWinograd() {
        return u != null;
    }

    /** Applies the convolution to an (N, H, W, in) batch; returns a new (N, H, W, out) array. */
    public INDArray apply(INDArray x) {
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.size(0), x.size(1), x.size(2), out);
        applyInto(x, y);
        return y;
    }

    /**
     * Applies the convolution to an (N, H, W, in) batch, writing the (N, H, W, out) result into {@code y}, an
     * array of that shape that does not overlap {@code x}.
     */
    public void applyInto(INDArray x, INDArray y) {
        apply(x, y, Epilogue.STORE, 1f);
    }

    /** As {@link #applyInto}, writing {@code max(0, conv(x))}: the convolution and a ReLU in one pass. */
    public void applyReluInto(INDArray x, INDArray y) {
        apply(x, y, Epilogue.RELU, 1f);
    }

    /**
     * Adds {@code scale * conv(x)} to {@code acc}, an (N, H, W, out) array that does not overlap {@code x}: a
     * residual branch's last convolution and the sum in one pass.
     */
    public void applyAddInto(INDArray x, INDArray acc, float scale) {
        apply(x, acc, Epilogue.ADD, scale);
    }

    /** What happens to the convolution's result (bias included) on its way out. */
    private enum Epilogue { STORE, RELU, ADD }

    private void apply(INDArray x, INDArray y, Epilogue epilogue, float scale) {
        if (x.rank() != 4 || x.size(3) != in || y.rank() != 4 || y.size(0) != x.size(0) || y.size(1) != x.size(1)
                || y.size(2) != x.size(2) || y.size(3) != out) {
            throw new IllegalArgumentException("convolution " + in + " -> " + out + " got input "
                    + Arrays.toString(x.shape()) + " and output " + Arrays.toString(y.shape()));
        }
        long n = x.size(0);
        long h = x.size(1);
        long w = x.size(2);
        long limit = Integer.MAX_VALUE / Float.BYTES - 1024;           // floats an NIO buffer can index
        if (u == null || !Nd4j.getEnvironment().isCPU() || x.dataType() != DataType.FLOAT
                || y.dataType() != DataType.FLOAT || x.data().length() >= limit || y.data().length() >= limit
                || n * h * w * Math.max(in, out) >= limit) {
            applyByConv2d(x, y, epilogue, scale);
            return;
        }
        INDArray xs = dense(x) ? x : x.dup('c');
        INDArray ys = dense(y) ? y : y.dup('c');
        try {
            FloatBuffer xb = xs.data().asNio().order(NATIVE).asFloatBuffer();
            FloatBuffer yb = ys.data().asNio().order(NATIVE).asFloatBuffer();
            int xImage = (int) (h * w * in);
            int yImage = (int) (h * w * out);
            for (int b = 0; b < n; b++) {
                run(xb, (int) xs.offset() + b * xImage, yb, (int) ys.offset() + b * yImage, (int) h, (int) w,
                        epilogue, scale);
            }
            if (ys != y) {
                y.assign(ys);
            }
        } finally {
            if (xs != x) {
                xs.close();
            }
            if (ys != y) {
                ys.close();
            }
        }
    }

    /** The same through {@link Conv2d} and separate ND4J operations. */
    private void applyByConv2d(INDArray x, INDArray y, Epilogue epilogue, float scale) {
        if (epilogue == Epilogue.ADD) {
            try (INDArray branch = Nd4j.createUninitialized(y.dataType(), y.shape())) {
                fallback.applyInto(x, branch);
                y.addi(scale == 1f ? branch : branch.muli(scale));
            }
            return;
        }
        fallback.applyInto(x, y);
        if (epilogue == Epilogue.RELU) {
            Transforms.relu(y, false);
        }
    }

    private static boolean dense(INDArray a) {
        return a.ordering() == 'c' && Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
    }

    /** One (H, W, in) image from float {@code xOff} of {@code xb} to (H, W, out) from {@code yOff} of {@code yb}. */
    private void run(FloatBuffer xb, int xOff, FloatBuffer yb, int yOff, int h, int w, Epilogue epilogue,
                     float scale) {
        int tilesX = (w + 3) / 4;
        int parts = (tilesX + blockTiles - 1) / blockTiles;          // blocks per row of tiles, of equal size
        EncoderThreads.forEach((h + 3) / 4 * parts, parallelism, b -> {
            int part = b % parts;
            int first = tilesX * part / parts;
            block(xb, xOff, yb, yOff, h, w, b / parts, first, tilesX * (part + 1) / parts - first, epilogue, scale);
        });
    }

    /**
     * The {@code count} tiles from tile column {@code first} in tile row {@code ty}: input transform, 36 products,
     * output transform.
     */
    private void block(FloatBuffer xb, int xOff, FloatBuffer yb, int yOff, int h, int w, int ty, int first,
                       int count, Epilogue epilogue, float scale) {
        int rows = (count + 2) / 3 * 3;                               // the kernels take 3 or 6 tiles at a time
        Scratch s = SCRATCH.get();
        float[] strip = s.strip(6 * (4 * GROUP + 2) * in);
        // position after position, each a (rows, in) matrix of transformed inputs (products: (rows, out)), a cache
        // line apart beyond their size (at a multiple of 4 KiB apart a tile's 36 vectors would share one L1 set)
        int vStride = rows * in + L;
        int mStride = rows * out + L;
        float[] v = s.v(36 * vStride);
        float[] m = s.m(36 * mStride);
        float[] outStrip = s.outStrip(4 * 4 * GROUP * out);
        for (int g = 0; g < count; g += GROUP) {
            int n = Math.min(GROUP, count - g);
            readStrip(xb, xOff, h, w, 4 * ty - 1, 4 * (first + g) - 1, 4 * n + 2, strip);
            inputTransform(strip, 4 * n + 2, g, n, v, vStride);
        }
        int six = ROWS == 6 ? rows / 6 * 6 : 0;                      // tiles for the 6-row kernel, then 3 at a time
        for (int p = 0; p < 36; p++) {
            int wp = p * in * out;
            for (int o = 0; o < out; o += CHUNK) {
                int width = Math.min(CHUNK, out - o);
                int a = p * vStride;
                int c = p * mStride + o;
                if (width < CHUNK) {
                    kernelNarrow(v, a, in, in, u, wp + o * in, width, m, c, out, rows);
                    continue;
                }
                if (six > 0) {
                    kernel6x4(v, a, in, in, u, wp + o * in, m, c, out, six);
                }
                if (six < rows) {
                    kernel3x4(v, a + six * in, in, in, u, wp + o * in, m, c + six * out, out, rows - six);
                }
            }
        }
        for (int g = 0; g < count; g += GROUP) {
            int n = Math.min(GROUP, count - g);
            outputTransform(m, mStride, g, n, outStrip, s.tmp, epilogue == Epilogue.RELU);
            if (epilogue == Epilogue.ADD) {
                addStrip(outStrip, 4 * n, scale, yb, yOff, h, w, 4 * ty, 4 * (first + g), s.accStrip(outStrip.length));
            } else {
                writeStrip(outStrip, 4 * n, yb, yOff, h, w, 4 * ty, 4 * (first + g));
            }
        }
    }

    /**
     * Copies the 6 image rows from {@code y0} and {@code width} columns from {@code x0}, zeros outside the image,
     * into {@code strip} (6, width, in).
     */
    private void readStrip(FloatBuffer xb, int xOff, int h, int w, int y0, int x0, int width, float[] strip) {
        int from = Math.max(0, x0);
        int to = Math.min(w, x0 + width);
        for (int r = 0; r < 6; r++) {
            int row = r * width * in;
            int y = y0 + r;
            if (y < 0 || y >= h) {
                Arrays.fill(strip, row, row + width * in, 0f);
                continue;
            }
            Arrays.fill(strip, row, row + (from - x0) * in, 0f);
            xb.get(xOff + (y * w + from) * in, strip, row + (from - x0) * in, (to - from) * in);
            Arrays.fill(strip, row + (to - x0) * in, row + width * in, 0f);
        }
    }

    /**
     * Transforms the {@code count} 6×6 tiles of a (6, width, in) strip (tile t from column 4t): Bᵀ down every
     * column once (neighbouring tiles share two columns), in place, then Bᵀ along each tile's rows into
     * {@code v}, tile t's position p at {@code v[p * posStride + t * in ...]}.
     */
    private void inputTransform(float[] strip, int width, int first, int count, float[] v, int posStride) {
        int rowStride = width * in;
        for (int x = 0; x < width * in; x += L) {
            transformIn(strip, x, rowStride, strip, x, rowStride);
        }
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < 6; i++) {
                int src = i * rowStride + 4 * t * in;
                int dst = i * 6 * posStride + (first + t) * in;
                for (int c = 0; c < in; c += L) {
                    transformIn(strip, src + c, in, v, dst + c, posStride);
                }
            }
        }
    }

    /**
     * One Bᵀ (6 × 6, rows scaled to integers) of the six vectors at {@code src[srcOff + k * srcStride]}; the six
     * results to {@code dst[dstOff + k * dstStride]} (which may be the same places).
     */
    private static void transformIn(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride) {
        FloatVector d0 = FloatVector.fromArray(LANES, src, srcOff);
        FloatVector d1 = FloatVector.fromArray(LANES, src, srcOff + srcStride);
        FloatVector d2 = FloatVector.fromArray(LANES, src, srcOff + 2 * srcStride);
        FloatVector d3 = FloatVector.fromArray(LANES, src, srcOff + 3 * srcStride);
        FloatVector d4 = FloatVector.fromArray(LANES, src, srcOff + 4 * srcStride);
        FloatVector d5 = FloatVector.fromArray(LANES, src, srcOff + 5 * srcStride);
        FloatVector a = d1.sub(d3);
        FloatVector b = d2.sub(d4);
        FloatVector sum = a.add(b);
        FloatVector diff = a.sub(b);
        d2.fma(MINUS_TWO, d0.add(d4)).fma(TWO, a.mul(-3f)).intoArray(dst, dstOff);                //  2 -3 -4  3  2  0
        sum.fma(MINUS_TWO, d2.add(d3).mul(3f)).intoArray(dst, dstOff + dstStride);                //  0 -2  1  5  2  0
        diff.fma(MINUS_TWO, d2.sub(d3).mul(3f)).intoArray(dst, dstOff + 2 * dstStride);           //  0 -2  5 -1 -2  0
        a.fma(TWO, b).intoArray(dst, dstOff + 3 * dstStride);                                     //  0  2  1 -2 -1  0
        b.fma(MINUS_TWO, a).intoArray(dst, dstOff + 4 * dstStride);                               //  0  1 -2 -1  2  0
        d3.fma(MINUS_TWO, d1.add(d5)).fma(TWO, b.mul(-3f)).intoArray(dst, dstOff + 5 * dstStride); //  0  2 -3 -4  3  2
    }

    /**
     * Transforms the products of {@code count} tiles back (Aᵀ M A) and adds the bias, into a (4, 4·count, out)
     * strip: tile t's position p at {@code m[p * posStride + t * out ...]}, its output pixel (k, l) to row k,
     * column 4t + l.
     */
    private void outputTransform(float[] m, int posStride, int first, int count, float[] outStrip, float[] tmp,
                                 boolean relu) {
        int rowStride = 4 * count * out;
        for (int t = 0; t < count; t++) {
            int tile = (first + t) * out;
            for (int c = 0; c < out; c += L) {
                // columns: Aᵀ M, into tmp[(k * 6 + j) * L]
                for (int j = 0; j < 6; j++) {
                    transformOut(m, tile + j * posStride + c, 6 * posStride, tmp, j * L, 6 * L);
                }
                // rows: (Aᵀ M) A, plus bias
                for (int k = 0; k < 4; k++) {
                    transformOut(tmp, k * 6 * L, bias, c, outStrip, k * rowStride + 4 * t * out + c, out, relu);
                }
            }
        }
    }

    /** Copies a (4, width, out) strip to the image rows from {@code y0} and columns from {@code x0}, clipped. */
    private void writeStrip(float[] outStrip, int width, FloatBuffer yb, int yOff, int h, int w, int y0, int x0) {
        int cols = Math.min(width, w - x0);
        for (int k = 0; k < 4 && y0 + k < h; k++) {
            yb.put(yOff + ((y0 + k) * w + x0) * out, outStrip, k * width * out, cols * out);
        }
    }

    /** Adds {@code scale} times a (4, width, out) strip to the image rows from {@code y0}, columns from {@code x0}. */
    private void addStrip(float[] outStrip, int width, float scale, FloatBuffer yb, int yOff, int h, int w, int y0,
                          int x0, float[] acc) {
        int len = Math.min(width, w - x0) * out;
        for (int k = 0; k < 4 && y0 + k < h; k++) {
            int at = yOff + ((y0 + k) * w + x0) * out;
            int row = k * width * out;
            yb.get(at, acc, 0, len);
            FloatVector s = FloatVector.broadcast(LANES, scale);
            for (int i = 0; i < len; i += L) {
                FloatVector.fromArray(LANES, outStrip, row + i).fma(s, FloatVector.fromArray(LANES, acc, i))
                        .intoArray(acc, i);
            }
            yb.put(at, acc, 0, len);
        }
    }

    /**
     * One Aᵀ (4 × 6) of the six vectors at {@code src[srcOff + k * srcStride]}; the four results to
     * {@code dst[dstOff + k * dstStride]}.
     */
    private static void transformOut(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride) {
        FloatVector m0 = FloatVector.fromArray(LANES, src, srcOff);
        FloatVector m1 = FloatVector.fromArray(LANES, src, srcOff + srcStride);
        FloatVector m2 = FloatVector.fromArray(LANES, src, srcOff + 2 * srcStride);
        FloatVector m3 = FloatVector.fromArray(LANES, src, srcOff + 3 * srcStride);
        FloatVector m4 = FloatVector.fromArray(LANES, src, srcOff + 4 * srcStride);
        FloatVector m5 = FloatVector.fromArray(LANES, src, srcOff + 5 * srcStride);
        FloatVector a = m1.add(m2);
        FloatVector b = m1.sub(m2);
        m0.add(a).add(m3.add(m4)).intoArray(dst, dstOff);                                      //  1  1  1  1    1  0
        m4.fma(MINUS_TWO, m3.fma(HALF, b)).intoArray(dst, dstOff + dstStride);                 //  0  1 -1  1/2 -2  0
        m4.fma(FOUR, m3.fma(QUARTER, a)).intoArray(dst, dstOff + 2 * dstStride);               //  0  1  1  1/4  4  0
        m4.fma(MINUS_EIGHT, m3.fma(EIGHTH, b)).add(m5).intoArray(dst, dstOff + 3 * dstStride); //  0  1 -1  1/8 -8  1
    }

    /**
     * As {@link #transformOut} on six consecutive vectors at {@code src[srcOff]}, plus the bias at
     * {@code bias[biasOff]}, then with negative results set to 0 if {@code relu}.
     */
    private static void transformOut(float[] src, int srcOff, float[] bias, int biasOff, float[] dst, int dstOff,
                                     int dstStride, boolean relu) {
        FloatVector m0 = FloatVector.fromArray(LANES, src, srcOff);
        FloatVector m1 = FloatVector.fromArray(LANES, src, srcOff + L);
        FloatVector m2 = FloatVector.fromArray(LANES, src, srcOff + 2 * L);
        FloatVector m3 = FloatVector.fromArray(LANES, src, srcOff + 3 * L);
        FloatVector m4 = FloatVector.fromArray(LANES, src, srcOff + 4 * L);
        FloatVector m5 = FloatVector.fromArray(LANES, src, srcOff + 5 * L);
        FloatVector e = FloatVector.fromArray(LANES, bias, biasOff);
        FloatVector a = m1.add(m2);
        FloatVector b = m1.sub(m2);
        FloatVector y0 = m0.add(a).add(m3.add(m4)).add(e);
        FloatVector y1 = m4.fma(MINUS_TWO, m3.fma(HALF, b)).add(e);
        FloatVector y2 = m4.fma(FOUR, m3.fma(QUARTER, a)).add(e);
        FloatVector y3 = m4.fma(MINUS_EIGHT, m3.fma(EIGHTH, b)).add(m5).add(e);
        if (relu) {
            y0 = y0.max(0f);
            y1 = y1.max(0f);
            y2 = y2.max(0f);
            y3 = y3.max(0f);
        }
        y0.intoArray(dst, dstOff);
        y1.intoArray(dst, dstOff + dstStride);
        y2.intoArray(dst, dstOff + 2 * dstStride);
        y3.intoArray(dst, dstOff + 3 * dstStride);
    }

    /**
     * {@code m[mOff + t * mStride + (0..4L)] = sum_k a[aOff + t * aStride + k] * w[wOff + k * 4L + (0..4L)]}, k in
     * {@code [0, depth)}, for tiles t in {@code [0, tiles)} (a multiple of 6), six at a time (24 accumulators).
     */
    private static void kernel6x4(float[] a, int aOff, int aStride, int depth, float[] w, int wOff, float[] m, int mOff,
                                  int mStride, int tiles) {
        for (int t = 0; t < tiles; t += 6) {
            FloatVector c00 = FloatVector.zero(LANES);
            FloatVector c01 = c00;
            FloatVector c02 = c00;
            FloatVector c03 = c00;
            FloatVector c10 = c00;
            FloatVector c11 = c00;
            FloatVector c12 = c00;
            FloatVector c13 = c00;
            FloatVector c20 = c00;
            FloatVector c21 = c00;
            FloatVector c22 = c00;
            FloatVector c23 = c00;
            FloatVector c30 = c00;
            FloatVector c31 = c00;
            FloatVector c32 = c00;
            FloatVector c33 = c00;
            FloatVector c40 = c00;
            FloatVector c41 = c00;
            FloatVector c42 = c00;
            FloatVector c43 = c00;
            FloatVector c50 = c00;
            FloatVector c51 = c00;
            FloatVector c52 = c00;
            FloatVector c53 = c00;
            int r = aOff + t * aStride;
            for (int k = 0; k < depth; k++) {
                int wk = wOff + k * 4 * L;
                FloatVector w0 = FloatVector.fromArray(LANES, w, wk);
                FloatVector w1 = FloatVector.fromArray(LANES, w, wk + L);
                FloatVector w2 = FloatVector.fromArray(LANES, w, wk + 2 * L);
                FloatVector w3 = FloatVector.fromArray(LANES, w, wk + 3 * L);
                FloatVector x = FloatVector.broadcast(LANES, a[r + k]);
                c00 = w0.fma(x, c00);
                c01 = w1.fma(x, c01);
                c02 = w2.fma(x, c02);
                c03 = w3.fma(x, c03);
                x = FloatVector.broadcast(LANES, a[r + aStride + k]);
                c10 = w0.fma(x, c10);
                c11 = w1.fma(x, c11);
                c12 = w2.fma(x, c12);
                c13 = w3.fma(x, c13);
                x = FloatVector.broadcast(LANES, a[r + 2 * aStride + k]);
                c20 = w0.fma(x, c20);
                c21 = w1.fma(x, c21);
                c22 = w2.fma(x, c22);
                c23 = w3.fma(x, c23);
                x = FloatVector.broadcast(LANES, a[r + 3 * aStride + k]);
                c30 = w0.fma(x, c30);
                c31 = w1.fma(x, c31);
                c32 = w2.fma(x, c32);
                c33 = w3.fma(x, c33);
                x = FloatVector.broadcast(LANES, a[r + 4 * aStride + k]);
                c40 = w0.fma(x, c40);
                c41 = w1.fma(x, c41);
                c42 = w2.fma(x, c42);
                c43 = w3.fma(x, c43);
                x = FloatVector.broadcast(LANES, a[r + 5 * aStride + k]);
                c50 = w0.fma(x, c50);
                c51 = w1.fma(x, c51);
                c52 = w2.fma(x, c52);
                c53 = w3.fma(x, c53);
            }
            int o = mOff + t * mStride;
            c00.intoArray(m, o);
            c01.intoArray(m, o + L);
            c02.intoArray(m, o + 2 * L);
            c03.intoArray(m, o + 3 * L);
            c10.intoArray(m, o + mStride);
            c11.intoArray(m, o + mStride + L);
            c12.intoArray(m, o + mStride + 2 * L);
            c13.intoArray(m, o + mStride + 3 * L);
            c20.intoArray(m, o + 2 * mStride);
            c21.intoArray(m, o + 2 * mStride + L);
            c22.intoArray(m, o + 2 * mStride + 2 * L);
            c23.intoArray(m, o + 2 * mStride + 3 * L);
            c30.intoArray(m, o + 3 * mStride);
            c31.intoArray(m, o + 3 * mStride + L);
            c32.intoArray(m, o + 3 * mStride + 2 * L);
            c33.intoArray(m, o + 3 * mStride + 3 * L);
            c40.intoArray(m, o + 4 * mStride);
            c41.intoArray(m, o + 4 * mStride + L);
            c42.intoArray(m, o + 4 * mStride + 2 * L);
            c43.intoArray(m, o + 4 * mStride + 3 * L);
            c50.intoArray(m, o + 5 * mStride);
            c51.intoArray(m, o + 5 * mStride + L);
            c52.intoArray(m, o + 5 * mStride + 2 * L);
            c53.intoArray(m, o + 5 * mStride + 3 * L);
        }
    }

    /** As {@link #kernel6x4}, three tiles at a time (12 accumulators: AVX2 has 16 registers); tiles a multiple of 3. */
    private static void kernel3x4(float[] a, int aOff, int aStride, int depth, float[] w, int wOff, float[] m, int mOff,
                                  int mStride, int tiles) {
        for (int t = 0; t < tiles; t += 3) {
            FloatVector c00 = FloatVector.zero(LANES);
            FloatVector c01 = c00;
            FloatVector c02 = c00;
            FloatVector c03 = c00;
            FloatVector c10 = c00;
            FloatVector c11 = c00;
            FloatVector c12 = c00;
            FloatVector c13 = c00;
            FloatVector c20 = c00;
            FloatVector c21 = c00;
            FloatVector c22 = c00;
            FloatVector c23 = c00;
            int r = aOff + t * aStride;
            for (int k = 0; k < depth; k++) {
                int wk = wOff + k * 4 * L;
                FloatVector w0 = FloatVector.fromArray(LANES, w, wk);
                FloatVector w1 = FloatVector.fromArray(LANES, w, wk + L);
                FloatVector w2 = FloatVector.fromArray(LANES, w, wk + 2 * L);
                FloatVector w3 = FloatVector.fromArray(LANES, w, wk + 3 * L);
                FloatVector x = FloatVector.broadcast(LANES, a[r + k]);
                c00 = w0.fma(x, c00);
                c01 = w1.fma(x, c01);
                c02 = w2.fma(x, c02);
                c03 = w3.fma(x, c03);
                x = FloatVector.broadcast(LANES, a[r + aStride + k]);
                c10 = w0.fma(x, c10);
                c11 = w1.fma(x, c11);
                c12 = w2.fma(x, c12);
                c13 = w3.fma(x, c13);
                x = FloatVector.broadcast(LANES, a[r + 2 * aStride + k]);
                c20 = w0.fma(x, c20);
                c21 = w1.fma(x, c21);
                c22 = w2.fma(x, c22);
                c23 = w3.fma(x, c23);
            }
            int o = mOff + t * mStride;
            c00.intoArray(m, o);
            c01.intoArray(m, o + L);
            c02.intoArray(m, o + 2 * L);
            c03.intoArray(m, o + 3 * L);
            c10.intoArray(m, o + mStride);
            c11.intoArray(m, o + mStride + L);
            c12.intoArray(m, o + mStride + 2 * L);
            c13.intoArray(m, o + mStride + 3 * L);
            c20.intoArray(m, o + 2 * mStride);
            c21.intoArray(m, o + 2 * mStride + L);
            c22.intoArray(m, o + 2 * mStride + 2 * L);
            c23.intoArray(m, o + 2 * mStride + 3 * L);
        }
    }

    /** As {@link #kernel6x4} for a last chunk narrower than four vectors ({@code width} outputs), 3 tiles at a time. */
    private static void kernelNarrow(float[] a, int aOff, int aStride, int depth, float[] w, int wOff, int width,
                                     float[] m, int mOff, int mStride, int tiles) {
        for (int t = 0; t < tiles; t += 3) {
            int r = aOff + t * aStride;
            for (int j = 0; j < width; j += L) {
                FloatVector c0 = FloatVector.zero(LANES);
                FloatVector c1 = c0;
                FloatVector c2 = c0;
                for (int k = 0; k < depth; k++) {
                    FloatVector wv = FloatVector.fromArray(LANES, w, wOff + k * width + j);
                    c0 = wv.fma(FloatVector.broadcast(LANES, a[r + k]), c0);
                    c1 = wv.fma(FloatVector.broadcast(LANES, a[r + aStride + k]), c1);
                    c2 = wv.fma(FloatVector.broadcast(LANES, a[r + 2 * aStride + k]), c2);
                }
                int o = mOff + t * mStride + j;
                c0.intoArray(m, o);
                c1.intoArray(m, o + mStride);
                c2.intoArray(m, o + 2 * mStride);
            }
        }
    }

    /**
     * G g Gᵀ for every (out, in) kernel of the (out, in, 3, 3) weights, in double precision, laid out for the
     * kernels: position p, chunk of CHUNK outputs, then (in × chunk width) row-major.
     */
    private static float[] transformWeights(float[] weight, int in, int out) {
        float[] u = new float[36 * in * out];
        double[][] gg = new double[6][3];
        for (int o = 0; o < out; o++) {
            int chunk = o / CHUNK * CHUNK;
            int width = Math.min(CHUNK, out - chunk);
            for (int c = 0; c < in; c++) {
                int g = (o * in + c) * 9;
                for (int i = 0; i < 6; i++) {
                    for (int b = 0; b < 3; b++) {
                        gg[i][b] = G[i][0] * weight[g + b] + G[i][1] * weight[g + 3 + b] + G[i][2] * weight[g + 6 + b];
                    }
                }
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 6; j++) {
                        double v = gg[i][0] * G[j][0] + gg[i][1] * G[j][1] + gg[i][2] * G[j][2];
                        u[(i * 6 + j) * in * out + chunk * in + c * width + (o - chunk)] = (float) v;
                    }
                }
            }
        }
        return u;
    }

    /** A thread's block buffers, grown on demand and kept (about 1.2 MiB per thread that ever ran a block). */
    private static final class Scratch {
        private float[] strip = new float[0];
        private float[] v = new float[0];
        private float[] m = new float[0];
        private float[] outStrip = new float[0];
        private float[] accStrip = new float[0];
        final float[] tmp = new float[36 * L];

        float[] strip(int size) {
            return strip = atLeast(strip, size);
        }

        float[] v(int size) {
            return v = atLeast(v, size);
        }

        float[] m(int size) {
            return m = atLeast(m, size);
        }

        float[] outStrip(int size) {
            return outStrip = atLeast(outStrip, size);
        }

        float[] accStrip(int size) {
            return accStrip = atLeast(accStrip, size);
        }

        private static float[] atLeast(float[] a, int size) {
            return a.length < size ? new float[size] : a;
        }
    }
}
