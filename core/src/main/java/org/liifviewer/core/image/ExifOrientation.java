package org.liifviewer.core.image;

/**
 * The EXIF orientation tag (values 1-8) as a pixel transform: optional transpose, then horizontal
 * and/or vertical flip of the result. Applying it turns stored pixels into the upright image.
 */
public enum ExifOrientation {
    NORMAL(false, false, false),
    MIRROR_HORIZONTAL(false, true, false),
    ROTATE_180(false, true, true),
    MIRROR_VERTICAL(false, false, true),
    TRANSPOSE(true, false, false),
    ROTATE_90_CW(true, true, false),
    TRANSVERSE(true, true, true),
    ROTATE_270_CW(true, false, true);

    private final boolean transpose;
    private final boolean flipX;
    private final boolean flipY;

    ExifOrientation(boolean transpose, boolean flipX, boolean flipY) {
        this.transpose = transpose;
        this.flipX = flipX;
        this.flipY = flipY;
    }

    /** The orientation for an EXIF tag value; anything outside 1-8 means {@link #NORMAL}. */
    public static ExifOrientation fromTag(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** The upright version of {@code img} (the same instance for {@link #NORMAL}). */
    public FloatImage apply(FloatImage img) {
        if (this == NORMAL) {
            return img;
        }
        int outH = transpose ? img.width() : img.height();
        int outW = transpose ? img.height() : img.width();
        FloatImage out = FloatImage.zeros(img.channels(), outH, outW);
        float[] src = img.data();
        float[] dst = out.data();
        int plane = img.planeSize();
        int strideY = transpose ? 1 : img.width();
        int strideX = transpose ? img.width() : 1;
        for (int y = 0; y < outH; y++) {
            int sy = flipY ? outH - 1 - y : y;
            for (int x = 0; x < outW; x++) {
                int sx = flipX ? outW - 1 - x : x;
                int from = sy * strideY + sx * strideX;
                int to = y * outW + x;
                for (int c = 0; c < img.channels(); c++) {
                    dst[c * plane + to] = src[c * plane + from];
                }
            }
        }
        return out;
    }
}
