package org.liifviewer.core.liif;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The first layer as ND4J operations, so that on an accelerator backend (CUDA) the whole hot path runs on the
 * device: the chunk's window of projections is uploaded once, the members' rows are gathered, and the
 * coordinate columns are added by one small GEMM ({@code [rel, cell] x W_coord}, beta = 1), then ReLU.
 */
final class Nd4jFirstLayer implements FirstLayer {

    private final int width;
    private final INDArray coordinateWeights;      // (2 or 4, width)
    private final boolean relu;

    Nd4jFirstLayer(INDArray coordinateWeights, boolean relu) {
        this.coordinateWeights = coordinateWeights;
        this.width = (int) coordinateWeights.size(1);
        this.relu = relu;
    }

    @Override
    public void compute(EnsembleGeometry geo, ChunkWindow window, Queries queries, int start, int n, float[] hostRows,
                        INDArray out) {
        int h = geo.featureHeight();
        int w = geo.featureWidth();
        int bw = window.x1() - window.x0() + 1;
        int bh = window.y1() - window.y0() + 1;
        float[] host = new float[bh * bw * width];
        for (int y = window.y0(); y <= window.y1(); y++) {
            for (int x = window.x0(); x <= window.x1(); x++) {
                System.arraycopy(window.view().array(y, x), window.view().offset(y, x), host,
                        ((y - window.y0()) * bw + (x - window.x0())) * width, width);
            }
        }
        int rows = geo.members() * n;
        int cols = (int) coordinateWeights.size(0);
        int[] index = new int[rows];
        float[] coords = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            int k = r / n;
            int q = r - k * n;
            int g = k * geo.capacity() + q;
            int iy = geo.index[g] / w;
            int ix = geo.index[g] - iy * w;
            index[r] = (iy - window.y0()) * bw + (ix - window.x0());
            coords[r * cols] = geo.relY[g];
            coords[r * cols + 1] = geo.relX[g];
            if (cols == 4) {
                coords[r * cols + 2] = queries.cellY()[start + q] * (float) h;
                coords[r * cols + 3] = queries.cellX()[start + q] * (float) w;
            }
        }
        INDArray projections = Nd4j.create(host, new long[] {(long) bh * bw, width}, 'c');
        INDArray target = out.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(projections, Nd4j.createFromArray(index))
                .addIntegerArguments(0).addOutputs(target).build());
        INDArray c = Nd4j.create(coords, new long[] {rows, cols}, 'c');
        Nd4j.gemm(c, coordinateWeights, target, false, false, 1.0, 1.0);
        if (relu) {
            Transforms.relu(target, false);
        }
        projections.close();
        c.close();
    }

    /** Whether the active ND4J backend computes on the host CPU (where {@link JavaFirstLayer} is faster). */
    static boolean hostBackend() {
        return Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");
    }
}
