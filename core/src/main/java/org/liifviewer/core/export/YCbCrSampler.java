package org.liifviewer.core.export;

/**
 * Cuts one MCU out of 8-bit interleaved RGB rows into level-shifted 8x8 blocks of JFIF YCbCr (BT.601
 * coefficients, full range). For {@link ChromaSampling#FULL_444} an MCU is 8x8 pixels: one luma block and one
 * block each of Cb and Cr. For {@link ChromaSampling#HALF_420} it is 16x16: four luma blocks (top left, top
 * right, bottom left, bottom right) and one block each of Cb and Cr whose samples are the means of 2x2 pixels.
 * Averaging RGB before the (linear) conversion gives the same chroma as averaging converted samples.
 */
final class YCbCrSampler {

    private YCbCrSampler() {
    }

    /**
     * Samples the MCU whose left column is {@code x0} from the {@code chroma.mcuSize()} rows of {@code rgb},
     * each {@code stride} bytes long, into {@code luma[0]} (4:4:4) or {@code luma[0..3]} (4:2:0).
     */
    static void sample(byte[] rgb, int stride, int x0, ChromaSampling chroma, float[][] luma, float[] cb,
                       float[] cr) {
        int f = chroma.chromaFactor();
        float norm = 1f / (f * f);
        for (int cy = 0; cy < 8; cy++) {
            for (int cx = 0; cx < 8; cx++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int dy = 0; dy < f; dy++) {
                    int y = f * cy + dy;
                    for (int dx = 0; dx < f; dx++) {
                        int x = f * cx + dx;
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
                cb[cy * 8 + cx] = (-0.168736f * r - 0.331264f * g + 0.5f * b) * norm;
                cr[cy * 8 + cx] = (0.5f * r - 0.418688f * g - 0.081312f * b) * norm;
            }
        }
    }
}
