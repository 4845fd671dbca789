package org.liifviewer.core.image;

import org.liifviewer.core.io.ByteCounts;

/**
 * Checks of the size an image file's header declares, made before a pixel is decoded: a size that cannot be,
 * one beyond the caller's limit, one the file is far too small to hold (a forged or damaged header), and one
 * whose decoding would not fit in the memory Java may use.
 */
final class DeclaredSize {

    /**
     * Bytes of memory that decoding takes per pixel, at most: the decoder's raster (up to four 16-bit samples)
     * and the float planes (three colours and alpha, 4 bytes each).
     */
    static final long BYTES_PER_PIXEL = 8 + 16;

    /** Deflate (PNG) expands its input at most 1032 times. */
    private static final double DEFLATE_MAX_RATIO = 1032;
    /** An LZW code (GIF) takes at least 3 bits and stands for at most 4096 pixels. */
    private static final double LZW_MAX_PIXELS_PER_BIT = 4096 / 3.0;

    private DeclaredSize() {
    }

    /**
     * Refuses a declared {@code width × height} that is impossible, above {@code maxPixels}, larger than a file
     * of {@code fileSize} bytes can hold in {@code format}, or too large for the Java heap.
     */
    static void check(String path, ContainerFormat format, long width, long height, long fileSize, long maxPixels)
            throws ImageFormatException {
        if (width <= 0 || height <= 0) {
            throw new ImageFormatException(path, "the header declares an impossible size " + width + "×" + height
                    + " (a damaged " + format.label() + ")");
        }
        long pixels = width * height;  // both below 2^31: no overflow
        if (pixels > maxPixels) {
            throw new ImageFormatException(path, "the image is too large: " + width + "×" + height
                    + " pixels, more than the limit of " + maxPixels);
        }
        if (fileSize < minimumFileSize(format, width, height)) {
            throw new ImageFormatException(path, "the header claims " + width + "×" + height
                    + " pixels, but the file is far too small to hold them (a damaged or forged " + format.label() + ")");
        }
        long heap = Runtime.getRuntime().maxMemory();   // not what is free now: garbage may not be collected yet
        if (pixels > heap / BYTES_PER_PIXEL) {
            throw new ImageFormatException(path, "the image is too large for the memory available: " + width + "×"
                    + height + " pixels need about " + ByteCounts.describe(pixels * BYTES_PER_PIXEL)
                    + " to decode, Java may use " + ByteCounts.describe(heap)
                    + " (LIIF_JAVA_OPTS=-Xmx16g gives it more)");
        }
    }

    /**
     * The fewest bytes in which {@code format} can hold a picture of {@code width × height} pixels, from the
     * largest ratio its compression reaches; 0 where no useful bound is known.
     */
    static long minimumFileSize(ContainerFormat format, long width, long height) {
        double bytes = switch (format) {
            case PNG -> height * (1 + (width + 7) / 8) / DEFLATE_MAX_RATIO;  // 1 bit a pixel, a filter byte a row
            case GIF -> width * (double) height / LZW_MAX_PIXELS_PER_BIT / 8;
            case JPEG -> ((width + 7) / 8) * (double) ((height + 7) / 8) / 8;   // 1 bit per 8×8 block at least
            default -> 0;
        };
        return (long) bytes;
    }
}
