package org.liifviewer.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.image.Bicubic;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.image.SampleLevels;
import org.liifviewer.core.progress.RenderMonitor;

class ImageExporterTest {

    @TempDir
    Path dir;

    private static FloatImage random(int channels, int h, int w, long seed) {
        Random r = new Random(seed);
        FloatImage img = FloatImage.zeros(channels, h, w);
        for (int i = 0; i < img.data().length; i++) {
            img.data()[i] = r.nextFloat();
        }
        return img;
    }

    /** A big-endian EXIF block whose IFD0 holds one entry: orientation 6 (rotate 90°). */
    private static byte[] exifRotated() {
        ByteBuffer b = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        b.putInt(0);
        return b.array();
    }

    /**
     * Equal within one quantisation step: the strips sample the float32 grid of {@code Axis.grid}, which differs
     * from the double arithmetic of {@code Bicubic.resize} by rounding.
     */
    private static void assertQuantisedEqual(FloatImage expected, FloatImage actual, int max) {
        assertEquals(expected.height(), actual.height());
        assertEquals(expected.width(), actual.width());
        for (int i = 0; i < expected.data().length; i++) {
            int e = SampleLevels.of(expected.data()[i], max);
            int a = Math.round(actual.data()[i] * max);
            if (Math.abs(e - a) > 1) {
                throw new AssertionError("sample " + i + ": expected " + e + ", got " + a);
            }
        }
    }

    @Test
    void pngEqualsWholeImageBicubicAcrossStrips() throws IOException {
        FloatImage src = random(3, 37, 53, 1);
        int w = ImageExporter.STRIP_PIXELS / 300;      // a few rows per strip, so many strips
        Path out = dir.resolve("out.png");
        ImageExporter.export(new BicubicImage(src), null, ExportSettings.of(w, 11, ExportFormat.PNG), out, RenderMonitor.NONE);
        assertQuantisedEqual(Bicubic.resize(src, 11, w), ImageFiles.read(out).rgb(), 255);
    }

    @Test
    void sixteenBitPngKeepsAlphaExifAndIcc() throws IOException {
        FloatImage src = random(3, 20, 30, 2);
        FloatImage alpha = random(1, 20, 30, 3);
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        Path out = dir.resolve("out16.png");
        var settings = new ExportSettings(70, 45, ExportFormat.PNG, 16, 0.9f,
                ChromaSampling.FULL_444, exifRotated(), icc);
        ImageExporter.export(new BicubicImage(src), alpha, settings, out, RenderMonitor.NONE);
        DecodedImage back = ImageFiles.read(out);
        assertEquals(16, back.bitDepth());
        assertQuantisedEqual(Bicubic.resize(src, 45, 70), back.rgb(), 65535);
        assertQuantisedEqual(Bicubic.resize(alpha, 45, 70), back.alpha().orElseThrow(), 65535);
        assertArrayEquals(icc, back.iccProfile());
        assertEquals(70, back.width(), "orientation was reset to normal, so the image is not turned");
        assertEquals(1, ByteBuffer.wrap(back.exif()).getShort(18));
    }

    @Test
    void tiffRoundTripsIn8And16Bits() throws IOException {
        FloatImage src = random(3, 25, 31, 4);
        FloatImage alpha = random(1, 25, 31, 5);
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        for (int bits : new int[] {8, 16}) {
            Path out = dir.resolve("out" + bits + ".tif");
            int w = ImageExporter.STRIP_PIXELS / 100;
            var settings = new ExportSettings(w, 7, ExportFormat.TIFF, bits, 0.9f, ChromaSampling.FULL_444, null, icc);
            ImageExporter.export(new BicubicImage(src), alpha, settings, out, RenderMonitor.NONE);
            DecodedImage back = ImageFiles.read(out);
            int max = (1 << bits) - 1;
            assertQuantisedEqual(Bicubic.resize(src, 7, w), back.rgb(), max);
            assertQuantisedEqual(Bicubic.resize(alpha, 7, w), back.alpha().orElseThrow(), max);
            assertEquals(bits, back.bitDepth());
            assertArrayEquals(icc, back.iccProfile());
        }
    }

    @Test
    void jpegKeepsExifAndIcc() throws IOException {
        FloatImage src = random(3, 16, 16, 6);
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        Path out = dir.resolve("out.jpg");
        var settings = new ExportSettings(64, 48, ExportFormat.JPEG, 8, 0.95f,
                ChromaSampling.FULL_444, exifRotated(), icc);
        ImageExporter.export(new BicubicImage(src), null, settings, out, RenderMonitor.NONE);
        DecodedImage back = ImageFiles.read(out);
        assertEquals(64, back.width());
        assertArrayEquals(icc, back.iccProfile());
        assertEquals(26, back.exif().length);
    }

    @Test
    void cancelledExportLeavesNoFile() throws IOException {
        Path out = dir.resolve("cancelled.png");
        RenderMonitor cancelled = new RenderMonitor() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> ImageExporter.export(new BicubicImage(random(3, 8, 8, 7)),
                null, ExportSettings.of(100, 100, ExportFormat.PNG), out, cancelled));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void stripsStayBoundedForHugeOutputs() {
        for (int w : new int[] {1, 1000, 30000, 1 << 20, 5_000_000}) {
            int rows = ImageExporter.stripRows(w, 30000);
            assertTrue(rows >= 1);
            assertTrue((long) rows * w <= Math.max(ImageExporter.STRIP_PIXELS, w), "strip of " + rows + " rows at " + w);
        }
        assertFalse(ImageExporter.stripRows(30000, 30000) > 35);
    }
}
