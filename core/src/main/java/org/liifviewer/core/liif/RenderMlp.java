package org.liifviewer.core.liif;

import org.liifviewer.core.model.LiifSpec;

/**
 * LM-LIIF's render MLP for one query and ensemble member, in plain Java: its first layer is the latent code's
 * {@code A} (from the {@link ModulationTable} row) plus the relative coordinate and cell columns; after every hidden
 * Linear layer the pre-activation is multiplied by the row's factor, shifted by its shift, and ReLU'd; a last Linear
 * layer gives the output. A few hundred multiply-adds per call.
 */
final class RenderMlp {

    private final int width;
    private final int depth;
    private final int outDim;
    private final float[] columnRelY;
    private final float[] columnRelX;
    private final float[] columnCellY;
    private final float[] columnCellX;
    /** Hidden layers 1..depth-1 as (in, out) row-major weights, and their biases. */
    private final float[][] weights;
    private final float[][] biases;
    /** The output layer, (in, out) row-major, and its bias. */
    private final float[] outWeight;
    private final float[] outBias;

    RenderMlp(LiifSpec spec, Mlp render) {
        this.width = spec.modulation().width();
        this.depth = spec.modulation().depth();
        this.outDim = spec.outDim();
        float[][] first = render.weight(0).toFloatMatrix();                  // (renderIn, width)
        this.columnRelY = first[width];
        this.columnRelX = first[width + 1];
        this.columnCellY = spec.cellDecode() ? first[width + 2] : new float[width];
        this.columnCellX = spec.cellDecode() ? first[width + 3] : new float[width];
        this.weights = new float[depth][];
        this.biases = new float[depth][];
        for (int l = 1; l < depth; l++) {
            weights[l] = render.weight(l).dup('c').data().asFloat();
            biases[l] = render.bias(l).dup('c').data().asFloat();
        }
        this.outWeight = render.weight(depth).dup('c').data().asFloat();
        this.outBias = render.bias(depth).dup('c').data().asFloat();
    }

    /** The first layer's cell term for a query cell of {@code (cellY, cellX)} feature pixels, into {@code term}. */
    void cellTerm(float cellY, float cellX, float[] term) {
        for (int j = 0; j < width; j++) {
            term[j] = cellY * columnCellY[j] + cellX * columnCellX[j];
        }
    }

    /** Scratch arrays of one thread for {@link #run}. */
    float[][] scratch() {
        return new float[][] {new float[width], new float[width]};
    }

    /**
     * Writes the {@code outDim} outputs for the latent code whose table row starts at {@code row} into
     * {@code out[o...]}.
     *
     * @param ry       relative coordinate, rows, in feature pixels
     * @param rx       relative coordinate, columns
     * @param cellTerm from {@link #cellTerm}
     * @param scratch  from {@link #scratch}
     */
    void run(float[] table, int row, float ry, float rx, float[] cellTerm, float[][] scratch, float[] out, int o) {
        float[] x = scratch[0];
        float[] y = scratch[1];
        int m = row + width;
        for (int j = 0; j < width; j++) {
            float a = table[row + j] + ry * columnRelY[j] + rx * columnRelX[j] + cellTerm[j];
            x[j] = Math.max(a * table[m + j] + table[m + width + j], 0f);
        }
        for (int l = 1; l < depth; l++) {
            float[] wl = weights[l];
            System.arraycopy(biases[l], 0, y, 0, width);
            for (int i = 0; i < width; i++) {
                float xi = x[i];
                int wi = i * width;
                for (int j = 0; j < width; j++) {
                    y[j] += xi * wl[wi + j];
                }
            }
            m = row + width * (1 + 2 * l);
            for (int j = 0; j < width; j++) {
                x[j] = Math.max(y[j] * table[m + j] + table[m + width + j], 0f);
            }
        }
        for (int c = 0; c < outDim; c++) {
            float v = outBias[c];
            for (int i = 0; i < width; i++) {
                v += x[i] * outWeight[i * outDim + c];
            }
            out[o + c] = v;
        }
    }
}
