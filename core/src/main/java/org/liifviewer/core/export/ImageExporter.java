package org.liifviewer.core.export;

import org.liifviewer.core.io.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Axis;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.ContinuousImage;

/**
 * Renders a continuous image at any output size and streams it to a file strip by strip, so memory is
 * bounded by one strip ({@link #STRIP_PIXELS} output pixels) whatever the output size, in every format. The
 * strips sample the same grid as {@link ContinuousImage#render(int, int, RenderMonitor)}, so an export equals
 * a whole-image render. The file appears only when complete: it is written to a temporary file beside the
 * target and renamed atomically; on failure or cancellation the temporary file is removed and an existing
 * target is left untouched.
 */
public final class ImageExporter {

    /** Output pixels rendered per strip. */
    public static final int STRIP_PIXELS = 1 << 20;

    private ImageExporter() {
    }

    /** Rows per strip for an output {@code width} pixels wide. */
    public static int stripRows(int width, int height) {
        return Math.max(1, Math.min(height, STRIP_PIXELS / width));
    }

    /**
     * Exports {@code image} to {@code target}.
     *
     * @param alphaOrNull the source's alpha plane (1 channel), resized bicubically; ignored when the format
     *                    has no alpha
     * @param monitor     receives the progress; cancelling it stops the export (with a
     *                    {@link java.util.concurrent.CancellationException})
     */
    public static void export(ContinuousImage image, FloatImage alphaOrNull, ExportSettings settings, Path target,
                              RenderMonitor monitor) throws IOException {
        ContinuousImage alpha = alphaOrNull != null && settings.format().supportsAlpha()
                ? new BicubicImage(alphaOrNull) : null;
        AtomicFile.writeChannel(target, channel -> writeStrips(image, alpha, settings, channel, monitor));
    }

    private static void writeStrips(ContinuousImage image, ContinuousImage alpha, ExportSettings settings,
                                    FileChannel channel, RenderMonitor monitor) throws IOException {
        int w = settings.width();
        int h = settings.height();
        int rows = stripRows(w, h);
        OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        StripWriter writer = switch (settings.format()) {
            case PNG -> new PngStripWriter(stream, settings, alpha != null);
            case JPEG -> new JpegStripWriter(stream, settings);
            case TIFF -> new TiffStripWriter(channel, settings, alpha != null, rows);
        };
        Axis cols = Axis.grid(w);
        for (int y = 0; y < h; y += rows) {
            monitor.checkCancelled();
            int n = Math.min(rows, h - y);
            Axis band = Axis.grid(h, y, n);
            double done = (double) y / h;
            RenderMonitor stripMonitor = new RenderMonitor() {
                @Override
                public void progress(double fraction) {
                    monitor.progress(done + fraction * n / h);
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            };
            image.prefetch(band, cols, stripMonitor);   // encodes what the strip needs, stopping when cancelled
            FloatImage rgb = image.render(band, cols, stripMonitor);
            writer.write(rgb, alpha == null ? null : alpha.render(band, cols, monitor));
        }
        writer.finish();
        stream.flush();
        channel.force(true);
    }
}
