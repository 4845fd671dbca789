package org.liifviewer.core.encoder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
 * <p>Work goes in blocks of up to {@value #MAX_BLOCK_TILES} tiles in raster order, so nothing of the size of the
 * image is ever transformed: per block, the input transform writes the block's 36 (tiles × in) matrices into a
 * per-thread buffer, a register-blocked SIMD kernel (the JDK's Vector API: 6 tiles × 4 vectors of outputs, 24
 * independent accumulators) multiplies each with its pre-laid-out (in × out) weights, and the output transform adds
 * the bias and writes the tiles (clipped at the image's right and bottom edges). Blocks are shared by the calling
 * thread and {@link EncoderThreads}.
 *
 * <p>Needs {@code in} and {@code out} to be multiples of the vector length (16 lanes with AVX-512, 8 with AVX2) and
 * float arrays in C order; otherwise (the 3-channel head convolution, say) it delegates to {@link Conv2d}, as it
 * does for arrays of 2 GiB or more.
 */
public final class WinogradConv3x3 {

    static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED.length() > 16
            ? FloatVector.SPECIES_512 : FloatVector.SPECIES_PREFERRED;
    private static final int L = LANES.length();
    /** Outputs per micro-kernel call: four vectors. */
    private static final int CHUNK = 4 * L;
    /** Tiles per micro-kernel call: 6 × 4 accumulators use 24 of AVX-512's 32 registers; 3 × 4 of AVX2's 16. */
    private static final int ROWS = L >= 16 ? 6 : 3;
    /** Block sizes are multiples of this (and so of {@link #ROWS}). */
    private static final int BLOCK_STEP = 6;
    static final int MAX_BLOCK_TILES = 48;
    /** Per-thread floats for a block's transformed inputs and products together (1 MiB: well inside L2). */
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

    /** With a chosen block size (rounded up to a multiple of 6) and number of threads, for tests. */
    WinogradConv3x3(Weights w, String name, int in, int out, int blockTiles, int parallelism)
            throws ModelFormatException {
        this.in = in;
        this.out = out;
        this.fallback = new Conv2d(w, name, in, out, 3);
        Tensor wt = w.get(name + ".weight", out, in, 3, 3);
        this.bias = w.get(name + ".bias", out).data().clone();
        this.u = supports(in, out) ? transformWeights(wt.data(), in, out) : null;
        this.blockTiles = Math.max(BLOCK_STEP, (blockTiles + BLOCK_STEP - 1) / BLOCK_STEP * BLOCK_STEP);
        this.parallelism = Math.max(1, parallelism);
    }

    /** Whether these channel counts run by Winograd here (else this delegates to {@link Conv2d}). */
    public static boolean supports(int in, int out) {
        return L >= 8 && in > 0 && out > 0 && in % L == 0 && out % L == 0;
    }

    /** Tiles per block such that a block's buffers take about {@link #BLOCK_FLOATS}. */
    static int defaultBlockTiles(int in, int out) {
        int t = BLOCK_FLOATS / (36 * (in + out)) / BLOCK_STEP * BLOCK_STEP;
        return Math.max(BLOCK_STEP, Math.min(MAX_BLOCK_TILES, t));
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
        if (x.rank() != 4 || x.size(3) != in || y.rank() != 4 || y.size(0) != x.size(0) || y.size(1) != x.size(1)
                || y.size(2) != x.size(2) || y.size(3) != out) {
            throw new IllegalArgumentException("convolution " + in + " -> " + out + " got input "
                    + Arrays.toString(x.shape()) + " and output " + Arrays.toString(y.shape()));
        }
        long n = x.size(0);
        long h = x.size(1);
        long w = x.size(2);
        long bytes = n * h * w * Math.max(in, out) * Float.BYTES;
        if (u == null || x.dataType() != DataType.FLOAT || y.dataType() != DataType.FLOAT
                || bytes >= Integer.MAX_VALUE - 4096L) {
            fallback.applyInto(x, y);
            return;
        }
        INDArray xs = dense(x) ? x : x.dup('c');
        INDArray ys = dense(y) ? y : Nd4j.createUninitialized(DataType.FLOAT, y.shape());
        try {
            ByteBuffer xb = xs.data().asNio().order(NATIVE);
            ByteBuffer yb = ys.data().asNio().order(NATIVE);
            int xImage = (int) (h * w * in * Float.BYTES);
            int yImage = (int) (h * w * out * Float.BYTES);
            for (int b = 0; b < n; b++) {
                run(xb, (int) (xs.offset() * Float.BYTES) + b * xImage, yb, (int) (ys.offset() * Float.BYTES)
                        + b * yImage, (int) h, (int) w);
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

    private static boolean dense(INDArray a) {
        return a.ordering() == 'c' && Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
    }

    /** One (H, W, in) image at byte {@code xOff} of {@code xb} into (H, W, out) at byte {@code yOff} of {@code yb}. */
    private void run(ByteBuffer xb, int xOff, ByteBuffer yb, int yOff, int h, int w) {
        int tilesX = (w + 3) / 4;
        int tiles = tilesX * ((h + 3) / 4);
        int blocks = (tiles + blockTiles - 1) / blockTiles;
        EncoderThreads.forEach(blocks, parallelism, b -> {
            int first = b * blockTiles;
            block(xb, xOff, yb, yOff, h, w, tilesX, first, Math.min(blockTiles, tiles - first));
        });
    }

    /** Tiles {@code [first, first + count)} in raster order: input transform, 36 products, output transform. */
    private void block(ByteBuffer xb, int xOff, ByteBuffer yb, int yOff, int h, int w, int tilesX, int first,
                       int count) {
        int rows = (count + BLOCK_STEP - 1) / BLOCK_STEP * BLOCK_STEP;
        Scratch s = SCRATCH.get();
        float[] v = s.v(36 * rows * in);
        float[] m = s.m(36 * rows * out);
        for (int t = 0; t < count; t++) {
            int tile = first + t;
            inputTile(xb, xOff, h, w, (tile / tilesX) * 4 - 1, (tile % tilesX) * 4 - 1, v, t * in, rows * in, s.tmp);
        }
        for (int p = 0; p < 36; p++) {
            int a = p * rows * in;
            int c = p * rows * out;
            int wp = p * in * out;
            for (int o = 0; o < out; o += CHUNK) {
                int width = Math.min(CHUNK, out - o);
                if (width < CHUNK) {
                    kernelNarrow(v, a, in, u, wp + o * in, width, m, c + o, out, rows);
                } else if (ROWS == 6) {
                    kernel6x4(v, a, in, u, wp + o * in, m, c + o, out, rows);
                } else {
                    kernel3x4(v, a, in, u, wp + o * in, m, c + o, out, rows);
                }
            }
        }
        for (int t = 0; t < count; t++) {
            int tile = first + t;
            outputTile(m, t * out, rows * out, yb, yOff, h, w, (tile / tilesX) * 4, (tile % tilesX) * 4, s.tmp);
        }
    }

    /**
     * Transforms the 6×6 input tile whose top left pixel is ({@code y0}, {@code x0}) (zeros outside the image), all
     * channels: position p's (in) values go to {@code v[off + p * posStride ...]}.
     */
    private void inputTile(ByteBuffer xb, int xOff, int h, int w, int y0, int x0, float[] v, int off,
                           int posStride, float[] tmp) {
        int rowBytes = w * in * Float.BYTES;
        int pixelBytes = in * Float.BYTES;
        // byte offsets of the tile's rows, or -1 outside the image
        int r0 = row(xOff, y0, h, rowBytes);
        int r1 = row(xOff, y0 + 1, h, rowBytes);
        int r2 = row(xOff, y0 + 2, h, rowBytes);
        int r3 = row(xOff, y0 + 3, h, rowBytes);
        int r4 = row(xOff, y0 + 4, h, rowBytes);
        int r5 = row(xOff, y0 + 5, h, rowBytes);
        for (int c = 0; c < in; c += L) {
            // columns: Bᵀ d, into tmp[(i * 6 + j) * L]
            for (int j = 0; j < 6; j++) {
                int x = x0 + j;
                int col = x >= 0 && x < w ? x * pixelBytes + c * Float.BYTES : -1;
                transformIn(load(xb, r0, col), load(xb, r1, col), load(xb, r2, col), load(xb, r3, col),
                        load(xb, r4, col), load(xb, r5, col), tmp, j * L, 6 * L);
            }
            // rows: (Bᵀ d) B, position i * 6 + j to v
            for (int i = 0; i < 6; i++) {
                int t = i * 6 * L;
                transformIn(FloatVector.fromArray(LANES, tmp, t), FloatVector.fromArray(LANES, tmp, t + L),
                        FloatVector.fromArray(LANES, tmp, t + 2 * L), FloatVector.fromArray(LANES, tmp, t + 3 * L),
                        FloatVector.fromArray(LANES, tmp, t + 4 * L), FloatVector.fromArray(LANES, tmp, t + 5 * L),
                        v, off + i * 6 * posStride + c, posStride);
            }
        }
    }

    private static int row(int base, int y, int h, int rowBytes) {
        return y >= 0 && y < h ? base + y * rowBytes : -1;
    }

    private static FloatVector load(ByteBuffer b, int row, int col) {
        return row >= 0 && col >= 0 ? FloatVector.fromByteBuffer(LANES, b, row + col, NATIVE) : FloatVector.zero(LANES);
    }

    /** One Bᵀ (6 × 6, rows scaled to integers) of {@code d0..d5}: the six results to {@code dst[off + k * stride]}. */
    private static void transformIn(FloatVector d0, FloatVector d1, FloatVector d2, FloatVector d3, FloatVector d4,
                                    FloatVector d5, float[] dst, int off, int stride) {
        FloatVector a = d1.sub(d3);
        FloatVector b = d2.sub(d4);
        FloatVector sum = a.add(b);
        FloatVector diff = a.sub(b);
        d2.fma(MINUS_TWO, d0.add(d4)).fma(TWO, a.mul(-3f)).intoArray(dst, off);            //  2 -3 -4  3  2  0
        sum.fma(MINUS_TWO, d2.add(d3).mul(3f)).intoArray(dst, off + stride);                //  0 -2  1  5  2  0
        diff.fma(MINUS_TWO, d2.sub(d3).mul(3f)).intoArray(dst, off + 2 * stride);           //  0 -2  5 -1 -2  0
        a.fma(TWO, b).intoArray(dst, off + 3 * stride);                                     //  0  2  1 -2 -1  0
        b.fma(MINUS_TWO, a).intoArray(dst, off + 4 * stride);                               //  0  1 -2 -1  2  0
        d3.fma(MINUS_TWO, d1.add(d5)).fma(TWO, b.mul(-3f)).intoArray(dst, off + 5 * stride); //  0  2 -3 -4  3  2
    }

    /**
     * Transforms the products of one tile back (Aᵀ M A), adds the bias and writes the 4×4 output pixels whose top
     * left is ({@code y0}, {@code x0}), clipped to the image; position p's (out) products are at
     * {@code m[off + p * posStride ...]}.
     */
    private void outputTile(float[] m, int off, int posStride, ByteBuffer yb, int yOff, int h, int w, int y0, int x0,
                            float[] tmp) {
        int rowBytes = w * out * Float.BYTES;
        int pixelBytes = out * Float.BYTES;
        int cols = Math.min(4, w - x0);
        for (int c = 0; c < out; c += L) {
            // columns: Aᵀ M, into tmp[(k * 6 + j) * L]
            for (int j = 0; j < 6; j++) {
                int p = off + j * posStride + c;
                FloatVector m0 = FloatVector.fromArray(LANES, m, p);
                FloatVector m1 = FloatVector.fromArray(LANES, m, p + 6 * posStride);
                FloatVector m2 = FloatVector.fromArray(LANES, m, p + 12 * posStride);
                FloatVector m3 = FloatVector.fromArray(LANES, m, p + 18 * posStride);
                FloatVector m4 = FloatVector.fromArray(LANES, m, p + 24 * posStride);
                FloatVector m5 = FloatVector.fromArray(LANES, m, p + 30 * posStride);
                FloatVector a = m1.add(m2);
                FloatVector b = m1.sub(m2);
                int t = j * L;
                m0.add(a).add(m3.add(m4)).intoArray(tmp, t);
                m4.fma(MINUS_TWO, m3.fma(HALF, b)).intoArray(tmp, t + 6 * L);
                m4.fma(FOUR, m3.fma(QUARTER, a)).intoArray(tmp, t + 12 * L);
                m4.fma(MINUS_EIGHT, m3.fma(EIGHTH, b)).add(m5).intoArray(tmp, t + 18 * L);
            }
            // rows: (Aᵀ M) A, plus bias
            FloatVector bias0 = FloatVector.fromArray(LANES, bias, c);
            for (int k = 0; k < 4 && y0 + k < h; k++) {
                int t = k * 6 * L;
                FloatVector m0 = FloatVector.fromArray(LANES, tmp, t);
                FloatVector m1 = FloatVector.fromArray(LANES, tmp, t + L);
                FloatVector m2 = FloatVector.fromArray(LANES, tmp, t + 2 * L);
                FloatVector m3 = FloatVector.fromArray(LANES, tmp, t + 3 * L);
                FloatVector m4 = FloatVector.fromArray(LANES, tmp, t + 4 * L);
                FloatVector m5 = FloatVector.fromArray(LANES, tmp, t + 5 * L);
                FloatVector a = m1.add(m2);
                FloatVector b = m1.sub(m2);
                int px = yOff + (y0 + k) * rowBytes + x0 * pixelBytes + c * Float.BYTES;
                m0.add(a).add(m3.add(m4)).add(bias0).intoByteBuffer(yb, px, NATIVE);
                if (cols > 1) {
                    m4.fma(MINUS_TWO, m3.fma(HALF, b)).add(bias0).intoByteBuffer(yb, px + pixelBytes, NATIVE);
                }
                if (cols > 2) {
                    m4.fma(FOUR, m3.fma(QUARTER, a)).add(bias0).intoByteBuffer(yb, px + 2 * pixelBytes, NATIVE);
                }
                if (cols > 3) {
                    m4.fma(MINUS_EIGHT, m3.fma(EIGHTH, b)).add(m5).add(bias0)
                            .intoByteBuffer(yb, px + 3 * pixelBytes, NATIVE);
                }
            }
        }
    }

    /**
     * {@code m[mOff + t * mStride + (0..4L)] = sum_k a[aOff + t * aStride + k] * w[wOff + k * 4L + (0..4L)]} for
     * tiles t in {@code [0, tiles)}, six at a time (24 accumulators).
     */
    private static void kernel6x4(float[] a, int aOff, int aStride, float[] w, int wOff, float[] m, int mOff,
                                  int mStride, int tiles) {
        int k1 = aStride;
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
            for (int k = 0; k < k1; k++) {
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
            store4(m, o, c00, c01, c02, c03);
            store4(m, o + mStride, c10, c11, c12, c13);
            store4(m, o + 2 * mStride, c20, c21, c22, c23);
            store4(m, o + 3 * mStride, c30, c31, c32, c33);
            store4(m, o + 4 * mStride, c40, c41, c42, c43);
            store4(m, o + 5 * mStride, c50, c51, c52, c53);
        }
    }

    /** As {@link #kernel6x4}, three tiles at a time (12 accumulators: AVX2 has 16 registers). */
    private static void kernel3x4(float[] a, int aOff, int aStride, float[] w, int wOff, float[] m, int mOff,
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
            for (int k = 0; k < aStride; k++) {
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
            store4(m, o, c00, c01, c02, c03);
            store4(m, o + mStride, c10, c11, c12, c13);
            store4(m, o + 2 * mStride, c20, c21, c22, c23);
        }
    }

    /** As {@link #kernel6x4} for a last chunk narrower than four vectors ({@code width} outputs), three tiles at a time. */
    private static void kernelNarrow(float[] a, int aOff, int aStride, float[] w, int wOff, int width, float[] m,
                                     int mOff, int mStride, int tiles) {
        for (int t = 0; t < tiles; t += 3) {
            int r = aOff + t * aStride;
            for (int j = 0; j < width; j += L) {
                FloatVector c0 = FloatVector.zero(LANES);
                FloatVector c1 = c0;
                FloatVector c2 = c0;
                for (int k = 0; k < aStride; k++) {
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

    private static void store4(float[] m, int o, FloatVector c0, FloatVector c1, FloatVector c2, FloatVector c3) {
        c0.intoArray(m, o);
        c1.intoArray(m, o + L);
        c2.intoArray(m, o + 2 * L);
        c3.intoArray(m, o + 3 * L);
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

    /** A thread's block buffers, grown on demand and kept (about 1 MiB per thread that ever ran a block). */
    private static final class Scratch {
        private float[] v = new float[0];
        private float[] m = new float[0];
        final float[] tmp = new float[36 * L];

        float[] v(int size) {
            if (v.length < size) {
                v = new float[size];
            }
            return v;
        }

        float[] m(int size) {
            if (m.length < size) {
                m = new float[size];
            }
            return m;
        }
    }
}
