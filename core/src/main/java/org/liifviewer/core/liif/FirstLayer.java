package org.liifviewer.core.liif;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The split first MLP layer for one chunk of queries: for every row (ensemble member k, query q, row
 * {@code k * n + q}) the latent code's projection {@code W1·z + b1} plus the coordinate columns times the
 * query's relative coordinate and cell, ReLU'd when the layer is hidden.
 */
interface FirstLayer {

    /**
     * Writes the activations of the chunk's {@code members * n} rows into the first rows of {@code out}
     * (a row-major {@code (capacity, width)} array).
     *
     * @param hostRows a reusable host buffer of {@code capacity * width} floats (null where not needed)
     * @param geo     the chunk's ensemble geometry (feature indices, relative coordinates)
     * @param window  the projections, and the feature-pixel box (y0, x0, y1, x1) that the chunk reads
     * @param queries the queries; the chunk is {@code [start, start + n)}
     */
    void compute(EnsembleGeometry geo, ChunkWindow window, Queries queries, int start, int n, float[] hostRows,
                 INDArray out);

    /**
     * The projections a chunk reads: where each feature pixel's vector lies, and the bounding box of the
     * pixels (inclusive) the chunk's members look up.
     */
    record ChunkWindow(Projections.View view, int y0, int x0, int y1, int x1) {
    }
}
