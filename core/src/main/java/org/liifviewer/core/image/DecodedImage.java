package org.liifviewer.core.image;

import java.util.Objects;
import java.util.Optional;

/**
 * An image file decoded for the network: EXIF orientation already applied to the pixels, colour
 * planes always RGB, values exactly {@code k / (2^bitDepth - 1)}.
 *
 * @param rgb        3-channel image (a grayscale source is copied into all three channels)
 * @param alpha      the alpha plane as a 1-channel image, when the source has one
 * @param bitDepth   bits per colour sample of the source (8, 16, ...; 32 for float TIFF)
 * @param grayscale  whether the source was grayscale
 * @param exif       raw EXIF block (TIFF structure, without the JPEG "Exif\0\0" prefix; for a TIFF source, built
 *                   from its IFD0), or empty
 * @param iccProfile raw embedded ICC profile, or empty; pixels are NOT colour-converted
 * @param formatName lower-case source format, e.g. "png", "jpeg", "tiff", "webp", "bmp"
 */
public record DecodedImage(FloatImage rgb, Optional<FloatImage> alpha, int bitDepth, boolean grayscale,
                           byte[] exif, byte[] iccProfile, String formatName) {

    public DecodedImage {
        Objects.requireNonNull(rgb, "rgb");
        Objects.requireNonNull(alpha, "alpha");
        if (rgb.channels() != 3) {
            throw new IllegalArgumentException("rgb must have 3 channels, got " + rgb.channels());
        }
        alpha.ifPresent(a -> {
            if (a.channels() != 1 || a.height() != rgb.height() || a.width() != rgb.width()) {
                throw new IllegalArgumentException("alpha must be 1 channel of the rgb size");
            }
        });
        exif = exif == null ? new byte[0] : exif;
        iccProfile = iccProfile == null ? new byte[0] : iccProfile;
    }

    public int width() {
        return rgb.width();
    }

    public int height() {
        return rgb.height();
    }
}
