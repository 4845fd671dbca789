package org.liifviewer.core.export;

import java.util.Objects;

/**
 * What to write.
 *
 * @param width       output columns
 * @param height      output rows
 * @param format      file format
 * @param bitDepth    8 or 16 (16 only where the format supports it)
 * @param jpegQuality JPEG quality in [0, 1] (ignored by the other formats)
 * @param jpegChroma  JPEG colour resolution, 4:4:4 or 4:2:0 (ignored by the other formats)
 * @param exif        raw EXIF block (TIFF structure) to embed, or empty; its orientation is reset to "normal"
 *                    because the pixels are already upright
 * @param iccProfile  ICC profile to embed, or empty
 */
public record ExportSettings(int width, int height, ExportFormat format, int bitDepth, float jpegQuality,
                             ChromaSampling jpegChroma, byte[] exif, byte[] iccProfile) {

    public ExportSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(jpegChroma, "jpegChroma");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("output size must be positive: " + width + "x" + height);
        }
        if (bitDepth != 8 && bitDepth != 16 || bitDepth == 16 && !format.supports16Bit()) {
            throw new IllegalArgumentException(format + " cannot be written with " + bitDepth + " bits per sample");
        }
        if (!(jpegQuality >= 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be in [0, 1], got " + jpegQuality);
        }
        exif = exif == null ? new byte[0] : exif;
        iccProfile = iccProfile == null ? new byte[0] : iccProfile;
    }

    /** 8-bit settings without metadata (JPEG: quality 0.92, 4:4:4). */
    public static ExportSettings of(int width, int height, ExportFormat format) {
        return new ExportSettings(width, height, format, 8, 0.92f, ChromaSampling.FULL_444, null, null);
    }
}
