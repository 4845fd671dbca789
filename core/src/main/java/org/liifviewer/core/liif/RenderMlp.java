package org.liifviewer.core.liif;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.liifviewer.core.model.LiifSpec;

/**
 * LM-LIIF's render MLP for one query and ensemble member, in SIMD lanes (the JDK's Vector API): its first layer is
 * the latent code's {@code A} (from the {@link ModulationTable} row) plus the relative coordinate and cell columns;
 * after every hidden Linear layer the pre-activation is multiplied by the row's factor, shifted by its shift, and
 * ReLU'd; a last Linear layer gives the output. Hidden layers are padded with zero units to whole vectors (a padded
 * unit stays 0 and has zero weights onwards), so {@link #width()} may exceed the model's. The vectors are the
 * machine's widest up to 16 lanes, the width of LMF's render MLP.
 */
final class RenderMlp {

    static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED.length() > 16
            ? FloatVector.SPECIES_512 : FloatVector.SPECIES_PREFERRED;

    private final int width;
    private final int depth;
    private final int outDim;
    private final float[] columnRelY;
    private final float[] columnRelX;
    private final float[] columnCellY;
    private final float[] columnCellX;
    /** Hidden layers 1..depth-1 as padded (in, out) row-major weights, and their biases. */
    private final float[][] weights;
    private final float[][] biases;
    /** The output layer: per input unit one vector of its {@code outDim} weights (zero lanes beyond), and the bias. */
    private final float[] outWeight;
    private final float[] outBias;

    RenderMlp(LiifSpec spec, Mlp render) {
        int w = spec.modulation().width();
        this.width = padded(w);
        this.depth = spec.modulation().depth();
        this.outDim = spec.outDim();
        if (outDim > LANES.length()) {
            throw new IllegalArgumentException(outDim + " outputs exceed one vector of " + LANES.length());
        }
        float[][] first = render.weight(0).toFloatMatrix();                  // (renderIn, w)
        this.columnRelY = pad(first[w]);
        this.columnRelX = pad(first[w + 1]);
        this.columnCellY = spec.cellDecode() ? pad(first[w + 2]) : new float[width];
        this.columnCellX = spec.cellDecode() ? pad(first[w + 3]) : new float[width];
        this.weights = new float[depth][];
        this.biases = new float[depth][];
        for (int l = 1; l < depth; l++) {
            float[][] wl = render.weight(l).toFloatMatrix();                 // (w, w)
            weights[l] = new float[width * width];
            for (int i = 0; i < w; i++) {
                System.arraycopy(wl[i], 0, weights[l], i * width, w);
            }
            biases[l] = pad(render.bias(l).toFloatVector());
        }
        float[][] out = render.weight(depth).toFloatMatrix();               // (w, outDim)
        this.outWeight = new float[width * LANES.length()];
        for (int i = 0; i < w; i++) {
            System.arraycopy(out[i], 0, outWeight, i * LANES.length(), outDim);
        }
        this.outBias = java.util.Arrays.copyOf(render.bias(depth).toFloatVector(), LANES.length());
    }

    /** A hidden width rounded up to whole vectors (at least 4 lanes each: the sums run in four parts). */
    static int padded(int width) {
        return (width + LANES.length() - 1) / LANES.length() * LANES.length();
    }

    private float[] pad(float[] v) {
        return java.util.Arrays.copyOf(v, width);
    }

    /** Units per hidden layer, padded. */
    int width() {
        return width;
    }

    /** The first layer's cell term for a query cell of {@code (cellY, cellX)} feature pixels, into {@code term}. */
    void cellTerm(float cellY, float cellX, float[] term) {
        for (int j = 0; j < width; j++) {
            term[j] = cellY * columnCellY[j] + cellX * columnCellX[j];
        }
    }

    /** Scratch arrays of one thread for {@link #run} and {@link #runShared}. */
    float[][] scratch() {
        int lanes = LANES.length();
        return new float[][] {new float[width], new float[width], new float[lanes], new float[width * lanes],
            new float[width * lanes]};
    }

    /**
     * Runs one row per SIMD lane for {@code LANES} rows that read the same latent code (table row at {@code row}):
     * the code's factors and shifts are then scalars, and every multiply-add serves all lanes. Writes output
     * {@code o} of lane {@code q} to {@code out[o * LANES + q]}.
     *
     * @param relY     the rows' relative coordinates (rows), one per lane
     * @param relX     the same, columns
     * @param cellTerm from {@link #cellTerm}
     * @param scratch  from {@link #scratch}
     */
    void runShared(float[] table, int row, float[] relY, float[] relX, float[] cellTerm, float[][] scratch,
                   float[] out) {
        int lanes = LANES.length();
        float[] x = scratch[3];
        float[] y = scratch[4];
        FloatVector ry = FloatVector.fromArray(LANES, relY, 0);
        FloatVector rx = FloatVector.fromArray(LANES, relX, 0);
        int m = row + width;
        for (int j = 0; j < width; j++) {
            ry.fma(columnRelY[j], table[row + j] + cellTerm[j]).add(rx.mul(columnRelX[j]))
                    .fma(table[m + j], table[m + width + j]).max(0f).intoArray(x, j * lanes);
        }
        for (int l = 1; l < depth; l++) {
            float[] w = weights[l];
            float[] b = biases[l];
            m = row + width * (1 + 2 * l);
            for (int j = 0; j < width; j += 4) {
                // four output units at once: independent multiply-add chains over the layer's inputs
                FloatVector s0 = FloatVector.broadcast(LANES, b[j]);
                FloatVector s1 = FloatVector.broadcast(LANES, b[j + 1]);
                FloatVector s2 = FloatVector.broadcast(LANES, b[j + 2]);
                FloatVector s3 = FloatVector.broadcast(LANES, b[j + 3]);
                for (int i = 0; i < width; i++) {
                    FloatVector xi = FloatVector.fromArray(LANES, x, i * lanes);
                    int k = i * width + j;
                    s0 = xi.fma(FloatVector.broadcast(LANES, w[k]), s0);
                    s1 = xi.fma(FloatVector.broadcast(LANES, w[k + 1]), s1);
                    s2 = xi.fma(FloatVector.broadcast(LANES, w[k + 2]), s2);
                    s3 = xi.fma(FloatVector.broadcast(LANES, w[k + 3]), s3);
                }
                s0.fma(table[m + j], table[m + width + j]).max(0f).intoArray(y, j * lanes);
                s1.fma(table[m + j + 1], table[m + width + j + 1]).max(0f).intoArray(y, (j + 1) * lanes);
                s2.fma(table[m + j + 2], table[m + width + j + 2]).max(0f).intoArray(y, (j + 2) * lanes);
                s3.fma(table[m + j + 3], table[m + width + j + 3]).max(0f).intoArray(y, (j + 3) * lanes);
            }
            float[] t = x;
            x = y;
            y = t;
        }
        for (int o = 0; o < outDim; o++) {
            FloatVector s = FloatVector.broadcast(LANES, outBias[o]);
            for (int i = 0; i < width; i++) {
                s = FloatVector.fromArray(LANES, x, i * lanes).fma(FloatVector.broadcast(LANES, outWeight[i * lanes + o]), s);
            }
            s.intoArray(out, o * lanes);
        }
    }

    /**
     * Writes the {@code outDim} outputs for the latent code whose table row (padded layout) starts at {@code row}
     * into {@code out[o...]}.
     *
     * @param ry       relative coordinate, rows, in feature pixels
     * @param rx       relative coordinate, columns
     * @param cellTerm from {@link #cellTerm}
     * @param scratch  from {@link #scratch}
     */
    void run(float[] table, int row, float ry, float rx, float[] cellTerm, float[][] scratch, float[] out, int o) {
        float[] x = scratch[0];
        float[] y = scratch[1];
        int step = LANES.length();
        int m = row + width;
        for (int c = 0; c < width; c += step) {
            FloatVector a = FloatVector.fromArray(LANES, table, row + c)
                    .add(FloatVector.fromArray(LANES, cellTerm, c))
                    .add(FloatVector.fromArray(LANES, columnRelY, c).mul(ry))
                    .add(FloatVector.fromArray(LANES, columnRelX, c).mul(rx));
            a.fma(FloatVector.fromArray(LANES, table, m + c), FloatVector.fromArray(LANES, table, m + width + c))
                    .max(0f).intoArray(x, c);
        }
        for (int l = 1; l < depth; l++) {
            float[] w = weights[l];
            m = row + width * (1 + 2 * l);
            for (int c = 0; c < width; c += step) {
                // four partial sums: independent multiply-add chains that do not wait on each other
                FloatVector s0 = FloatVector.fromArray(LANES, biases[l], c);
                FloatVector s1 = FloatVector.zero(LANES);
                FloatVector s2 = FloatVector.zero(LANES);
                FloatVector s3 = FloatVector.zero(LANES);
                for (int i = 0; i < width; i += 4) {
                    int k = i * width + c;
                    s0 = FloatVector.fromArray(LANES, w, k).fma(FloatVector.broadcast(LANES, x[i]), s0);
                    s1 = FloatVector.fromArray(LANES, w, k + width).fma(FloatVector.broadcast(LANES, x[i + 1]), s1);
                    s2 = FloatVector.fromArray(LANES, w, k + 2 * width).fma(FloatVector.broadcast(LANES, x[i + 2]), s2);
                    s3 = FloatVector.fromArray(LANES, w, k + 3 * width).fma(FloatVector.broadcast(LANES, x[i + 3]), s3);
                }
                s0.add(s1).add(s2.add(s3))
                        .fma(FloatVector.fromArray(LANES, table, m + c), FloatVector.fromArray(LANES, table, m + width + c))
                        .max(0f).intoArray(y, c);
            }
            float[] t = x;
            x = y;
            y = t;
        }
        FloatVector even = FloatVector.fromArray(LANES, outBias, 0);
        FloatVector odd = FloatVector.zero(LANES);
        for (int i = 0; i < width; i += 2) {
            even = FloatVector.fromArray(LANES, outWeight, i * step).fma(FloatVector.broadcast(LANES, x[i]), even);
            odd = FloatVector.fromArray(LANES, outWeight, (i + 1) * step).fma(FloatVector.broadcast(LANES, x[i + 1]), odd);
        }
        float[] result = scratch[2];
        even.add(odd).intoArray(result, 0);
        System.arraycopy(result, 0, out, o, outDim);
    }
}
