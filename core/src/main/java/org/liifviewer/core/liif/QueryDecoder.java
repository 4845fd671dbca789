package org.liifviewer.core.liif;

import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.progress.RenderMonitor;

/** Decodes LIIF queries against a feature map into raw model outputs (normalised RGB, unclamped). */
public interface QueryDecoder {

    /** Does the per-feature-map work once (e.g. projections of the latent codes) for many later queries. */
    PreparedFeatures prepare(FeatureMap features);

    /** A feature map ready for queries; safe to query from several threads. */
    interface PreparedFeatures {

        /** Writes {@code queries.count() * outDim} raw outputs into {@code out}, query-major ((q, channel)). */
        void decode(Queries queries, float[] out);

        /** Prepares, ahead of decoding, everything queries on the grid {@code rows x cols} will read. */
        default void prefetch(Axis rows, Axis cols, RenderMonitor monitor) {
        }

        /**
         * Prefetches for the grid {@code rows x cols} while idle, only if the cache keeps room for what renders
         * need; returns whether it did.
         */
        default boolean prefetchIfRoom(Axis rows, Axis cols, RenderMonitor monitor) {
            return false;
        }

        /**
         * Features for queries on the grid {@code rows x cols} only, computed at once for just that region and
         * not cached (lowest latency for one small render).
         */
        default PreparedFeatures alone(Axis rows, Axis cols) {
            return this;
        }
    }
}
