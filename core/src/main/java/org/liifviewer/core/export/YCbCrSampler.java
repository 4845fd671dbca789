package org.liifviewer.core.export;

/**
 * Cuts a 16x16 MCU out of 8-bit interleaved RGB rows into level-shifted 8x8 blocks of JFIF YCbCr (BT.601
 * coefficients, full range): four luma blocks (top left, top right, bottom left, bottom right) and one block
 * each of Cb and Cr whose samples are the means of 2x2 pixels (4:2:0). Averaging RGB before the (linear)
 * conversion gives the same chroma as averaging converted samples.
 */
final class YCbCrSampler {

    /** Pixels an MCU spans in each direction. */
    static final int MCU_SIZE = 16;

    private YCbCrSampler() {
    }

    /**
     * Samples the MCU whose left column is {@code x0} from the {@link #MCU_SIZE} rows of {@code rgb}, each
     * {@code stride} bytes long.
     */
    static void sample(byte[] rgb, int stride, int x0, float[][] luma, float[] cb, float[] cr) {
        for (int cy = 0; cy < 8; cy++) {
            for (int cx = 0; cx < 8; cx++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    int y = 2 * cy + dy;
                    for (int dx = 0; dx < 2; dx++) {
                        int x = 2 * cx + dx;
                        int at = y * stride + 3 * (x0 + x);
                        float pr = rgb[at] & 0xff;
                        float pg = rgb[at + 1] & 0xff;
                        float pb = rgb[at + 2] & 0xff;
                        luma[(y >>> 3) * 2 + (x >>> 3)][(y & 7) * 8 + (x & 7)] =
                                0.299f * pr + 0.587f * pg + 0.114f * pb - 128f;
                        r += pr;
                        g += pg;
                        b += pb;
                    }
                }
                cb[cy * 8 + cx] = (-0.168736f * r - 0.331264f * g + 0.5f * b) * 0.25f;
                cr[cy * 8 + cx] = (0.5f * r - 0.418688f * g - 0.081312f * b) * 0.25f;
            }
        }
    }
}
