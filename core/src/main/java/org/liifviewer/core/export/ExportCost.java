package org.liifviewer.core.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.liifviewer.core.io.ByteCounts;

/**
 * A cautious estimate of what an export costs: time (from slow-machine rendering speeds) and disk (the
 * uncompressed size for PNG and TIFF, a generous share of it for JPEG). An export beyond {@link #MAX_PIXELS},
 * {@link #MAX_SECONDS} or the free disk space is refused unless the user insists, so that a typing slip such as
 * {@code --size 1000000x1000000} does not start weeks of work.
 *
 * @param width   output columns
 * @param height  output rows
 * @param seconds estimated rendering time
 * @param bytes   estimated largest file size
 */
public record ExportCost(int width, int height, double seconds, long bytes) {

    /** Largest output accepted without insisting: one gigapixel. */
    public static final long MAX_PIXELS = 1_000_000_000L;
    /** Longest estimated rendering accepted without insisting: one hour. */
    public static final double MAX_SECONDS = 3600;

    /** How the output pixels are computed, with speeds a slow machine reaches. */
    public enum Renderer {
        /** A LIIF model: about a quarter of the decoder speed of a 2-core laptop, and its encoder. */
        LIIF(50_000, 20e-6),
        /** Bicubic interpolation. */
        BICUBIC(1_000_000, 0);

        private final double pixelsPerSecond;
        private final double secondsPerInputPixel;

        Renderer(double pixelsPerSecond, double secondsPerInputPixel) {
            this.pixelsPerSecond = pixelsPerSecond;
            this.secondsPerInputPixel = secondsPerInputPixel;
        }
    }

    /** The cost of writing {@code settings} (with an alpha channel when {@code alpha}) from {@code inputPixels}. */
    public static ExportCost of(ExportSettings settings, boolean alpha, Renderer renderer, long inputPixels) {
        long pixels = (long) settings.width() * settings.height();
        double seconds = pixels / renderer.pixelsPerSecond + inputPixels * renderer.secondsPerInputPixel;
        boolean withAlpha = alpha && settings.format().supportsAlpha();
        long raw = pixels * (withAlpha ? 4 : 3) * (settings.bitDepth() / 8);
        long bytes = settings.format() == ExportFormat.JPEG ? raw / 4 : raw;
        return new ExportCost(settings.width(), settings.height(), seconds, bytes);
    }

    /** The usable space where {@code target} would be written; unknown counts as unlimited. */
    public static long freeSpaceFor(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;   // the write itself will say what is wrong with the folder
        }
    }

    /** Output pixels. */
    public long pixels() {
        return (long) width * height;
    }

    /**
     * Why this export is beyond the limits with {@code freeBytes} of disk space, in a user's words, e.g.
     * {@code 40000×40000 (1600 megapixels) would take about 8.9 h and up to 4.8 GB on disk, 3.1 GB free: beyond
     * the limits (1 gigapixel, 1 hour, the free space)}; empty when it is within them.
     */
    public Optional<String> excess(long freeBytes) {
        if (pixels() <= MAX_PIXELS && seconds <= MAX_SECONDS && bytes <= freeBytes) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d×%d (%d megapixels) would take about %s and up to %s on disk, "
                        + "%s free: beyond the limits (1 gigapixel, 1 hour, the free space)", width, height,
                pixels() / 1_000_000, duration(seconds), size(bytes), size(freeBytes)));
    }

    /** The estimate in a few words, e.g. {@code about 3 min, up to 45 MB}. */
    public String describe() {
        return "about " + duration(seconds) + ", up to " + size(bytes);
    }

    private static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, seconds));
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    private static String size(long bytes) {
        return bytes == Long.MAX_VALUE ? "unknown" : ByteCounts.describe(bytes);
    }
}
