package org.liifviewer.core.liif;

import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Modulation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LM-LIIF's hyper-network after its first layer's latent part: from a latent code's projection {@code P = W·z + b}
 * (see {@link LatentProjection}) and the query's cell, one row per latent code that holds everything the render MLP
 * reads of that code, in the order it reads it: its first layer's latent part {@code A = W0·m + b0} (m the compressed
 * latent input), then for every hidden layer the factor {@code 1 + s} and the shift {@code t} (1 and 0 where the
 * model does not scale or shift). {@code A} and the {@code + 1} are folded into the last hyper-network layer, so a
 * row costs the hyper-network's GEMMs only. Each of these blocks is padded with zeros to {@link RenderMlp#padded}
 * units, as the render MLP reads them.
 */
final class ModulationTable {

    private final Modulation modulation;
    private final int padded;
    private final int hiddenWidth;
    private final float[] cellColumnY;
    private final float[] cellColumnX;
    /** Hidden hyper-network layers after the first: (in, out) weights and (1, out) biases. */
    private final INDArray[] hiddenWeights;
    private final INDArray[] hiddenBiases;
    /** The last layer with A folded in and the columns in row order: (in, rowWidth) and (1, rowWidth). */
    private final INDArray lastWeight;
    private final INDArray lastBias;

    ModulationTable(LiifSpec spec, Mlp hypernet, Mlp render) {
        this.modulation = spec.modulation();
        this.padded = RenderMlp.padded(modulation.width());
        INDArray first = hypernet.weight(0);                        // (in, hidden0)
        this.hiddenWidth = (int) first.size(1);
        int latent = spec.latentDim();
        this.cellColumnY = spec.cellDecode() ? first.getRow(latent).toFloatVector() : new float[hiddenWidth];
        this.cellColumnX = spec.cellDecode() ? first.getRow(latent + 1).toFloatVector() : new float[hiddenWidth];
        int layers = hypernet.layers();
        this.hiddenWeights = new INDArray[layers - 2];
        this.hiddenBiases = new INDArray[layers - 2];
        for (int i = 1; i < layers - 1; i++) {
            hiddenWeights[i - 1] = hypernet.weight(i);
            hiddenBiases[i - 1] = hypernet.bias(i);
        }
        INDArray[] folded = fold(hypernet.weight(layers - 1), hypernet.bias(layers - 1), render);
        this.lastWeight = folded[0];
        this.lastBias = folded[1];
    }

    /** Values per row: {@code A}, then (factor, shift) per hidden layer of the render MLP, each block padded. */
    int rowWidth() {
        return padded * (1 + 2 * modulation.depth());
    }

    /** Offset of layer {@code l}'s factors in a row; its shifts follow them. */
    private int layerOffset(int layer) {
        return padded * (1 + 2 * layer);
    }

    /**
     * The rows of {@code count} latent codes whose projections are {@code projections[i * hiddenWidth ...]}, for
     * a query cell of {@code (cellY, cellX)} feature pixels (the cell times the feature map's size).
     */
    float[] rows(float[] projections, int count, float cellY, float cellX) {
        float[] term = new float[hiddenWidth];
        for (int j = 0; j < hiddenWidth; j++) {
            term[j] = cellY * cellColumnY[j] + cellX * cellColumnX[j];
        }
        float[] h = new float[count * hiddenWidth];
        for (int i = 0; i < count; i++) {
            int o = i * hiddenWidth;
            for (int j = 0; j < hiddenWidth; j++) {
                h[o + j] = Math.max(projections[o + j] + term[j], 0f);
            }
        }
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, count, hiddenWidth);
        x.data().asNioFloat().put(h);                     // one bulk copy (element-wise puts cost a tenth of decoding)
        for (int i = 0; i < hiddenWeights.length; i++) {
            INDArray next = x.mmul(hiddenWeights[i]).addiRowVector(hiddenBiases[i]);
            org.nd4j.linalg.ops.transforms.Transforms.relu(next, false);
            x = next;
        }
        INDArray out = x.mmul(lastWeight).addiRowVector(lastBias);
        float[] rows = new float[count * rowWidth()];
        out.data().asNioFloat().get(rows);
        return rows;
    }

    /**
     * The last hyper-network layer's (in, out) weight and bias rearranged into row order, with the render MLP's first
     * layer applied to the compressed latent columns (computed in double) and 1 added to the scale biases.
     */
    private INDArray[] fold(INDArray weight, INDArray bias, Mlp render) {
        int in = (int) weight.size(0);
        int width = modulation.width();
        double[][] w = weight.castTo(DataType.DOUBLE).toDoubleMatrix();       // (in, hyperOut)
        double[] b = bias.castTo(DataType.DOUBLE).toDoubleVector();
        double[][] r0 = render.weight(0).castTo(DataType.DOUBLE).toDoubleMatrix();   // (renderIn, width)
        double[] rb = render.bias(0).castTo(DataType.DOUBLE).toDoubleVector();
        double[][] fw = new double[in][rowWidth()];
        double[] fb = new double[rowWidth()];
        int m = modulation.inputOffset();
        for (int j = 0; j < width; j++) {
            fb[j] = rb[j];
            for (int c = 0; c < width; c++) {
                fb[j] += r0[c][j] * b[m + c];
                for (int i = 0; i < in; i++) {
                    fw[i][j] += r0[c][j] * w[i][m + c];
                }
            }
        }
        for (int layer = 0; layer < modulation.depth(); layer++) {
            int o = layerOffset(layer);
            for (int j = 0; j < width; j++) {
                fb[o + j] = modulation.scale() ? 1 + b[modulation.scaleOffset(layer) + j] : 1;
                fb[o + padded + j] = modulation.shift() ? b[modulation.shiftOffset(layer) + j] : 0;
                for (int i = 0; i < in; i++) {
                    fw[i][o + j] = modulation.scale() ? w[i][modulation.scaleOffset(layer) + j] : 0;
                    fw[i][o + padded + j] = modulation.shift() ? w[i][modulation.shiftOffset(layer) + j] : 0;
                }
            }
        }
        return new INDArray[] {Nd4j.createFromArray(fw).castTo(DataType.FLOAT),
                Nd4j.createFromArray(new double[][] {fb}).castTo(DataType.FLOAT)};
    }
}
