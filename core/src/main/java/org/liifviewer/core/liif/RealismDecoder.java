package org.liifviewer.core.liif;

import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.progress.RenderMonitor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * LIIF-GAN's two decoders: {@code output = decoder 1 + realism * decoder 2}. Each feature pixel's projection vector
 * holds decoder 1's then decoder 2's, so one tile cache serves both. Decoder 2 reads the encoder's last layer; decoder
 * 1 reads it too or a mid layer, which the encoder then appends to its output's channels. At realism 0 decoder 2 is
 * not run: the output is decoder 1's alone.
 */
public final class RealismDecoder implements ProjectingDecoder {

    private final ProjectingDecoder first;
    private final ProjectingDecoder second;
    private final int channels;
    private final boolean firstReadsMidLayer;
    private final float defaultRealism;

    /**
     * @param channels           feature channels of one layer
     * @param firstReadsMidLayer whether decoder 1 reads the channels after the last layer's (a mid layer)
     * @param defaultRealism     the realism of {@link #prepare(Projections)}
     */
    public RealismDecoder(ProjectingDecoder first, ProjectingDecoder second, int channels, boolean firstReadsMidLayer,
                          float defaultRealism) {
        this.first = first;
        this.second = second;
        this.channels = channels;
        this.firstReadsMidLayer = firstReadsMidLayer;
        this.defaultRealism = defaultRealism;
    }

    @Override
    public int projectionWidth() {
        return first.projectionWidth() + second.projectionWidth();
    }

    /** Decoder 1's projections followed by decoder 2's, per pixel. */
    @Override
    public INDArray project(INDArray channelsLast) {
        INDArray a;
        INDArray b;
        if (firstReadsMidLayer) {
            try (INDArray last = channels(channelsLast, 0); INDArray mid = channels(channelsLast, channels)) {
                a = first.project(mid);
                b = second.project(last);
            }
        } else {
            a = first.project(channelsLast);
            b = second.project(channelsLast);
        }
        try (a; b) {
            return Nd4j.concat(3, a, b);
        }
    }

    private INDArray channels(INDArray channelsLast, int from) {
        return channelsLast.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(from, from + channels)).dup('c');
    }

    @Override
    public PreparedFeatures prepare(FeatureMap f) {
        INDArray planar = Nd4j.create(f.data(), new long[] {1, f.channels(), f.height(), f.width()}, 'c');
        try (INDArray channelsLast = planar.permute(0, 2, 3, 1).dup('c')) {
            try (INDArray projected = project(channelsLast)) {
                return prepare(Projections.whole(projected.data().asFloat(), f.height(), f.width(), projectionWidth()));
            }
        }
    }

    /** Decoding at the model's default realism. */
    @Override
    public PreparedFeatures prepare(Projections projections) {
        return prepare(projections, defaultRealism);
    }

    /** Decoding of {@code decoder 1 + realism * decoder 2} over the same projections (and tile cache). */
    public PreparedFeatures prepare(Projections projections, float realism) {
        return new Summed(projections, realism);
    }

    /** Both decoders prepared over one set of projections. */
    private final class Summed implements PreparedFeatures {

        private final Projections projections;
        private final float realism;
        private final PreparedFeatures base;
        private final PreparedFeatures detail;

        Summed(Projections projections, float realism) {
            this.projections = projections;
            this.realism = realism;
            this.base = first.prepare(new PartProjections(projections, 0));
            this.detail = second.prepare(new PartProjections(projections, first.projectionWidth()));
        }

        @Override
        public void decode(Queries queries, float[] out) {
            base.decode(queries, out);
            if (realism == 0f) {
                return;
            }
            int n = queries.count() * 3;
            float[] added = new float[n];
            detail.decode(queries, added);
            for (int i = 0; i < n; i++) {
                out[i] += realism * added[i];
            }
        }

        @Override
        public void prefetch(Axis rows, Axis cols, RenderMonitor monitor) {
            base.prefetch(rows, cols, monitor);
        }

        @Override
        public boolean prefetchIfRoom(Axis rows, Axis cols, RenderMonitor monitor) {
            return base.prefetchIfRoom(rows, cols, monitor);
        }

        @Override
        public PreparedFeatures alone(Axis rows, Axis cols) {
            int[] b = ProjectedFeatures.bounds(rows, cols, projections.height(), projections.width());
            return new Summed(projections.window(b[0], b[1], b[2], b[3]), realism);
        }
    }
}
