package org.liifviewer.core.export;

import org.liifviewer.core.image.Bicubic;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Axis;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.ContinuousImage;

/**
 * A pixel image seen as a continuous one through bicubic interpolation ({@link Bicubic}): the baseline that
 * LIIF is compared with, and the renderer when no model is loaded. Any number of channels; values unclamped.
 */
public final class BicubicImage implements ContinuousImage {

    private final FloatImage source;

    public BicubicImage(FloatImage source) {
        this.source = source;
    }

    @Override
    public int height() {
        return source.height();
    }

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public FloatImage render(Axis rows, Axis cols, RenderMonitor monitor) {
        monitor.checkCancelled();
        double cellX = cols.cell() * 0.5 * width();
        double cellY = rows.cell() * 0.5 * height();
        double x0 = (cols.coord(0) + 1) * 0.5 * width() - cellX / 2;
        double y0 = (rows.coord(0) + 1) * 0.5 * height() - cellY / 2;
        FloatImage out = Bicubic.renderRegion(source, x0, y0, cellX * cols.count(), cellY * rows.count(),
                cols.count(), rows.count());
        monitor.progress(1);
        return out;
    }
}
