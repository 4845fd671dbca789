package org.liifviewer.core.export;

import java.util.Locale;

/** Output file formats of the exporter. */
public enum ExportFormat {
    /** Lossless, 8 or 16 bits, alpha, EXIF ({@code eXIf}) and ICC ({@code iCCP}); streamed. */
    PNG(true, true),
    /** Lossy (baseline, 4:4:4 or 4:2:0), 8 bits, no alpha, EXIF (APP1) and ICC (APP2); streamed; at most 65535 pixels a side. */
    JPEG(false, false),
    /** Deflate-compressed strips, 8 or 16 bits, alpha, EXIF (IFD0 tags, Exif and GPS directories) and ICC; streamed. */
    TIFF(true, true);

    private final boolean sixteenBit;
    private final boolean alpha;

    ExportFormat(boolean sixteenBit, boolean alpha) {
        this.sixteenBit = sixteenBit;
        this.alpha = alpha;
    }

    /** Whether 16 bits per sample can be written. */
    public boolean supports16Bit() {
        return sixteenBit;
    }

    /** Whether an alpha channel can be written. */
    public boolean supportsAlpha() {
        return alpha;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return this == JPEG ? "jpg" : name().toLowerCase(Locale.ROOT);
    }

    /** The format a file name's extension asks for, else PNG. */
    public static ExportFormat forFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return JPEG;
        }
        return n.endsWith(".tif") || n.endsWith(".tiff") ? TIFF : PNG;
    }
}
