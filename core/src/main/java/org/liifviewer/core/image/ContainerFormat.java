package org.liifviewer.core.image;

import java.nio.charset.StandardCharsets;

/** Image container recognised from a file's first bytes; {@link #OTHER_IMAGE} is an image type we cannot decode. */
enum ContainerFormat {
    PNG, JPEG, TIFF, WEBP, BMP, GIF, OTHER_IMAGE, UNKNOWN;

    /** The format's name for users, e.g. {@code JPEG} or {@code WebP}. */
    String label() {
        return switch (this) {
            case WEBP -> "WebP";
            case OTHER_IMAGE, UNKNOWN -> "image";
            default -> name();
        };
    }

    /** Bytes needed by {@link #sniff}. */
    static final int SNIFF_BYTES = 16;

    static ContainerFormat sniff(byte[] h) {
        String ascii = new String(h, StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("\u0089PNG\r\n\u001a\n")) {
            return PNG;
        }
        if (ascii.startsWith("\u00ff\u00d8\u00ff")) {
            return JPEG;
        }
        if (ascii.startsWith("II*\0") || ascii.startsWith("MM\0*")) {
            return TIFF;
        }
        if (ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8)) {
            return WEBP;
        }
        if (ascii.startsWith("BM")) {
            return BMP;
        }
        if (ascii.startsWith("GIF8")) {
            return GIF;
        }
        boolean otherImage = ascii.startsWith("ftyp", 4)              // HEIF, AVIF
                || ascii.startsWith("\0\0\0\u000cjP  ")                // JPEG 2000
                || ascii.startsWith("\u00ff\n") || ascii.startsWith("\0\0\0\u000cJXL ")  // JPEG XL
                || ascii.startsWith("8BPS")                           // Photoshop
                || ascii.startsWith("II\u00bc")                       // JPEG XR
                || ascii.startsWith("\u0076\u002f\u0031\u0001")       // OpenEXR
                || ascii.startsWith("#?RADIANCE") || ascii.startsWith("#?RGBE");
        return otherImage ? OTHER_IMAGE : UNKNOWN;
    }
}
