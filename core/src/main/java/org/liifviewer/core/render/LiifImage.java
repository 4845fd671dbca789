package org.liifviewer.core.render;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Axis;
import org.liifviewer.core.liif.Queries;
import org.liifviewer.core.liif.QueryDecoder;
import org.liifviewer.core.progress.RenderMonitor;

/**
 * A LIIF-encoded image. Renders in horizontal bands of at most {@link #BAND_QUERIES} output pixels, so the
 * decoding memory stays bounded whatever the output size, reporting progress and checking for cancellation
 * after every band.
 */
public final class LiifImage implements ContinuousImage {

    /** Output pixels decoded per band. */
    public static final int BAND_QUERIES = 65536;

    private final QueryDecoder.PreparedFeatures features;
    private final int height;
    private final int width;

    public LiifImage(QueryDecoder.PreparedFeatures features, int height, int width) {
        this.features = features;
        this.height = height;
        this.width = width;
    }

    /** The prepared features, for decoding arbitrary queries. */
    public QueryDecoder.PreparedFeatures features() {
        return features;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void prefetch(Axis rows, Axis cols, RenderMonitor monitor) {
        features.prefetch(rows, cols, monitor);
    }

    @Override
    public boolean prefetchIfRoom(Axis rows, Axis cols, RenderMonitor monitor) {
        return features.prefetchIfRoom(rows, cols, monitor);
    }

    @Override
    public FloatImage renderAlone(Axis rows, Axis cols, RenderMonitor monitor) {
        return render(features.alone(rows, cols), rows, cols, monitor);
    }

    @Override
    public FloatImage render(Axis rows, Axis cols, RenderMonitor monitor) {
        return render(features, rows, cols, monitor);
    }

    private static FloatImage render(QueryDecoder.PreparedFeatures features, Axis rows, Axis cols,
                                     RenderMonitor monitor) {
        features.prefetch(rows, cols, monitor);          // encodes what the grid reads in few passes
        int outH = rows.count();
        int outW = cols.count();
        FloatImage img = FloatImage.zeros(3, outH, outW);
        int bandRows = Math.max(1, BAND_QUERIES / outW);
        Queries queries = Queries.allocate(Math.multiplyExact(bandRows, outW));
        float[] pred = new float[queries.coordY().length * 3];
        float[] dst = img.data();
        int plane = outH * outW;
        for (int r0 = 0; r0 < outH; r0 += bandRows) {
            monitor.checkCancelled();
            int n = Math.min(bandRows, outH - r0);
            Queries band = queries.fillGrid(rows, cols, r0, n);
            features.decode(band, pred);
            int base = r0 * outW;
            for (int q = 0; q < band.count(); q++) {
                for (int c = 0; c < 3; c++) {
                    dst[c * plane + base + q] = toUnit(pred[q * 3 + c]);
                }
            }
            monitor.progress((double) (r0 + n) / outH);
        }
        return img;
    }

    /** Model output (normalised) to [0, 1]: {@code clamp(v * 0.5 + 0.5, 0, 1)}, as test.py and demo.py do. */
    static float toUnit(float v) {
        return Math.min(Math.max(v * 0.5f + 0.5f, 0f), 1f);
    }
}
