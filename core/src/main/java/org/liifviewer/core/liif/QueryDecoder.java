package org.liifviewer.core.liif;

/** Decodes LIIF queries against a feature map into raw model outputs (normalised RGB, unclamped). */
public interface QueryDecoder {

    /**
     * Writes {@code queries.count() * outDim} raw outputs into {@code out}, query-major ((q, channel)).
     */
    void decode(FeatureMap features, Queries queries, float[] out);
}
