package org.liifviewer.core.liif;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A decoder whose per-latent-code work is a linear projection of the latent code, computed once per feature pixel
 * (and cached in tiles by the renderer); queries then read the projections of the codes they look up.
 */
public interface ProjectingDecoder extends QueryDecoder {

    /** Values per feature pixel of {@link #project}. */
    int projectionWidth();

    /**
     * Projections of a channels-last (1, H, W, C) feature array as a new (1, H, W, width) array, that is pixel-major
     * ({@code [(y * w + x) * width + j]}); the caller closes it.
     */
    INDArray project(INDArray channelsLast);

    /** Queries against projections that may be computed lazily, tile by tile. */
    PreparedFeatures prepare(Projections projections);
}
