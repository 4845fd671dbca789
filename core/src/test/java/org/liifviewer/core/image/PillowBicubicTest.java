package org.liifviewer.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PillowBicubicTest {

    @Test
    void matchesResizeFnGoldenSquareBitExactly() throws Exception {
        FloatImage hr = SharedData.floatImage(SharedData.golden("resize/hr_sq.bin"), 3, 27, 27);
        FloatImage lr = PillowBicubic.resize(hr, 11, 11);
        assertArrayEquals(Files.readAllBytes(SharedData.golden("resize/lr_sq_u8.bin")), toBytes(lr));
        assertArrayEquals(SharedData.floatImage(SharedData.golden("resize/lr_sq.bin"), 3, 11, 11).data(), lr.data());
    }

    @Test
    void matchesResizeFnGoldenNonIntegerScaleBitExactly() throws Exception {
        FloatImage full = SharedData.floatImage(SharedData.golden("resize/hr_ns_full.bin"), 3, 31, 23);
        FloatImage cropped = full.crop(0, 0, 31, 21);
        assertArrayEquals(SharedData.floatImage(SharedData.golden("resize/hr_ns_cropped.bin"), 3, 31, 21).data(),
                cropped.data());
        FloatImage lr = PillowBicubic.resize(cropped, 13, 9);
        assertArrayEquals(Files.readAllBytes(SharedData.golden("resize/lr_ns_u8.bin")), toBytes(lr));
    }

    @Test
    void goldenPngFilesAgreeWithTheTensors() throws Exception {
        DecodedImage hr = ImageFiles.read(SharedData.golden("resize/hr_sq_27x27.png"));
        DecodedImage lr = ImageFiles.read(SharedData.golden("resize/lr_sq_11x11.png"));
        assertArrayEquals(lr.rgb().data(), PillowBicubic.resize(hr.rgb(), 11, 11).data());
    }

    @Test
    void byteApiMatchesFloatApiAndSkipsUnchangedSides() {
        Random rnd = new Random(7);
        byte[] src = new byte[3 * 40 * 30];
        rnd.nextBytes(src);
        FloatImage f = fromBytes(src, 3, 40, 30);
        assertArrayEquals(toBytes(PillowBicubic.resize(f, 17, 30)), new PillowBicubic(40, 30, 17, 30).resize(src, 3));
        assertArrayEquals(src, new PillowBicubic(40, 30, 40, 30).resize(src, 3), "same size is a copy");
        byte[] upscaled = new PillowBicubic(40, 30, 40, 71).resize(src, 3);
        assertEquals(3 * 40 * 71, upscaled.length);
    }

    @Test
    void constantImageStaysConstant() {
        byte[] src = new byte[2 * 96 * 96];
        java.util.Arrays.fill(src, (byte) 200);
        byte[] out = new PillowBicubic(96, 96, 48, 48).resize(src, 2);
        for (byte b : out) {
            assertEquals(200, b & 0xFF);
        }
    }

    @Test
    void trainingSizeIsFast() {
        Random rnd = new Random(1);
        byte[] src = new byte[3 * 192 * 192];
        rnd.nextBytes(src);
        PillowBicubic resizer = new PillowBicubic(192, 192, 48, 48);
        byte[] dst = new byte[3 * 48 * 48];
        for (int i = 0; i < 500; i++) {
            resizer.resize(src, 3, dst);
        }
        int n = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            resizer.resize(src, 3, dst);
        }
        double perCallUs = (System.nanoTime() - t0) / 1e3 / n;
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            new PillowBicubic(192, 192, 48, 48).resize(src, 3, dst);
        }
        double withTapsUs = (System.nanoTime() - t1) / 1e3 / n;
        System.out.printf("PillowBicubic 192x192 -> 48x48 RGB: %.1f us/call (%.1f us incl. tap precompute)%n",
                perCallUs, withTapsUs);
        assertTrue(perCallUs < 5000, "resize took " + perCallUs + " us");
    }

    static byte[] toBytes(FloatImage img) {
        byte[] out = new byte[img.data().length];
        for (int i = 0; i < out.length; i++) {
            float k = img.data()[i] * 255f;
            assertEquals(Math.round(k), k, 1e-3, "value is not k/255");
            out[i] = (byte) Math.round(k);
        }
        return out;
    }

    static FloatImage fromBytes(byte[] b, int c, int h, int w) {
        float[] f = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            f[i] = (b[i] & 0xFF) / 255f;
        }
        return new FloatImage(c, h, w, f);
    }
}
