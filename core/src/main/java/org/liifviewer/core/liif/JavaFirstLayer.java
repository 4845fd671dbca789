package org.liifviewer.core.liif;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The first layer in plain Java on all cores: the fastest path on the CPU backend (it reads the cached
 * projection tiles in place, with no gather copy), writing straight into the off-heap GEMM input.
 */
final class JavaFirstLayer implements FirstLayer {

    private final int width;
    private final float[] colRelY;
    private final float[] colRelX;
    private final float[] colCellY;
    private final float[] colCellX;
    private final boolean relu;

    /**
     * @param coordinateColumns the first layer's weight rows for rel_y, rel_x and (when present) cell_y, cell_x
     */
    JavaFirstLayer(float[][] coordinateColumns, boolean relu) {
        this.width = coordinateColumns[0].length;
        this.colRelY = coordinateColumns[0];
        this.colRelX = coordinateColumns[1];
        this.colCellY = coordinateColumns.length > 2 ? coordinateColumns[2] : new float[width];
        this.colCellX = coordinateColumns.length > 2 ? coordinateColumns[3] : new float[width];
        this.relu = relu;
    }

    @Override
    public void compute(EnsembleGeometry geo, ChunkWindow window, Queries queries, int start, int n, float[] hostRows,
                        INDArray out) {
        int rows = geo.members() * n;
        FloatBuffer target = out.data().asNioFloat();
        int minPerPart = rows < 4096 ? rows : 1;
        DecoderThreads.forRange(rows, minPerPart,
                (from, to) -> rows(geo, window.view(), queries, start, n, from, to, hostRows, target));
    }

    /** Rows {@code [from, to)}, computed in {@code dst} and copied into the GEMM input. */
    private void rows(EnsembleGeometry geo, Projections.View view, Queries queries, int start, int n,
                      int from, int to, float[] dst, FloatBuffer input) {
        int h = geo.featureHeight();
        int w = geo.featureWidth();
        float[] cellTerm = new float[width];
        float lastCy = Float.NaN;
        float lastCx = Float.NaN;
        for (int r = from; r < to; r++) {
            int k = r / n;
            int q = r - k * n;
            int g = k * geo.capacity() + q;
            float cy = queries.cellY()[start + q] * (float) h;
            float cx = queries.cellX()[start + q] * (float) w;
            if (Float.compare(cy, lastCy) != 0 || Float.compare(cx, lastCx) != 0) {
                for (int j = 0; j < width; j++) {
                    cellTerm[j] = cy * colCellY[j] + cx * colCellX[j];
                }
                lastCy = cy;
                lastCx = cx;
            }
            int iy = geo.index[g] / w;
            int ix = geo.index[g] - iy * w;
            float[] proj = view.array(iy, ix);
            int base = view.offset(iy, ix);
            float ry = geo.relY[g];
            float rx = geo.relX[g];
            int o = r * width;
            for (int j = 0; j < width; j++) {
                dst[o + j] = proj[base + j] + ry * colRelY[j] + rx * colRelX[j] + cellTerm[j];
            }
            if (relu) {
                for (int j = 0; j < width; j++) {
                    dst[o + j] = Math.max(dst[o + j], 0f);
                }
            }
        }
        input.duplicate().position(from * width).put(dst, from * width, (to - from) * width);
    }
}
