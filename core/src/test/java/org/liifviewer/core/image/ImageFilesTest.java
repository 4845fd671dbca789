package org.liifviewer.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void png8RoundTripIsExact() throws IOException {
        FloatImage rgb = MetricsTest.random(new Random(1), 3, 7, 9);
        Path file = dir.resolve("a.png");
        writeWithImageIo(rgb, null, 8, "png", file);
        DecodedImage back = ImageFiles.read(file);
        assertArrayEquals(rgb.data(), back.rgb().data());
        assertEquals(8, back.bitDepth());
        assertFalse(back.grayscale());
        assertTrue(back.alpha().isEmpty());
        assertEquals("png", back.formatName());
    }

    @Test
    void png16WithAlphaRoundTripIsExact() throws IOException {
        Random rnd = new Random(2);
        FloatImage rgb = FloatImage.zeros(3, 5, 6);
        FloatImage alpha = FloatImage.zeros(1, 5, 6);
        for (FloatImage img : new FloatImage[] {rgb, alpha}) {
            for (int i = 0; i < img.data().length; i++) {
                img.data()[i] = rnd.nextInt(65536) / 65535f;
            }
        }
        Path file = dir.resolve("b.png");
        writeWithImageIo(rgb, alpha, 16, "png", file);
        DecodedImage back = ImageFiles.read(file);
        assertEquals(16, back.bitDepth());
        assertArrayEquals(rgb.data(), back.rgb().data());
        assertArrayEquals(alpha.data(), back.alpha().orElseThrow().data());
    }

    @Test
    void grayPngsAreExpandedToRgbAndRemembered() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY}) {
            BufferedImage img = new BufferedImage(4, 3, type);
            int max = type == BufferedImage.TYPE_BYTE_GRAY ? 255 : 65535;
            for (int i = 0; i < 12; i++) {
                img.getRaster().setSample(i % 4, i / 4, 0, i * max / 11);
            }
            Path file = dir.resolve("g" + type + ".png");
            ImageIO.write(img, "png", file.toFile());
            DecodedImage back = ImageFiles.read(file);
            assertTrue(back.grayscale());
            assertEquals(type == BufferedImage.TYPE_BYTE_GRAY ? 8 : 16, back.bitDepth());
            for (int c = 0; c < 3; c++) {
                assertEquals((11 * max / 11) / (float) max, back.rgb().get(c, 2, 3));
                assertEquals((5 * max / 11) / (float) max, back.rgb().get(c, 1, 1));
            }
        }
    }

    @Test
    void grayWithAlphaKeepsAlphaAside() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(3, 2);
        for (int i = 0; i < 6; i++) {
            raster.setSample(i % 3, i / 3, 0, 40 * i);
            raster.setSample(i % 3, i / 3, 1, 255 - 30 * i);
        }
        Path file = dir.resolve("ga.png");
        ImageIO.write(new BufferedImage(cm, raster, false, null), "png", file.toFile());
        DecodedImage back = ImageFiles.read(file);
        assertTrue(back.grayscale());
        assertEquals(200 / 255f, back.rgb().get(2, 1, 2));
        assertEquals((255 - 150) / 255f, back.alpha().orElseThrow().get(0, 1, 2));
    }

    @Test
    void jpegExifOrientationIsAppliedAndRawBlocksKept() throws IOException {
        FloatImage rgb = FloatImage.zeros(3, 16, 32);   // left half black, right half white
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 16; y++) {
                Arrays.fill(rgb.data(), (c * 16 + y) * 32 + 16, (c * 16 + y) * 32 + 32, 1f);
            }
        }
        Path plain = dir.resolve("plain.jpg");
        writeWithImageIo(rgb, null, 8, "jpeg", plain);
        byte[] exif = exifWithOrientation(6);
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        Path rotated = dir.resolve("rotated.jpg");
        Files.write(rotated, insertAfterSoi(Files.readAllBytes(plain),
                segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exif)),
                segment(0xE2, concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1}, icc))));

        DecodedImage back = ImageFiles.read(rotated);
        assertEquals("jpeg", back.formatName());
        assertEquals(32, back.height());
        assertEquals(16, back.width());
        assertEquals(0f, back.rgb().get(0, 8, 8), 0.05f, "rotated clockwise: the black left half is on top");
        assertEquals(1f, back.rgb().get(0, 24, 8), 0.05f);
        assertArrayEquals(exif, back.exif());
        assertArrayEquals(icc, back.iccProfile());
        assertEquals(16, ImageFiles.read(plain).height());
    }

    @Test
    void aStreamDecodesAsItsFileDoes() throws IOException {
        FloatImage rgb = MetricsTest.random(new Random(3), 3, 7, 9);
        Path file = dir.resolve("s.png");
        writeWithImageIo(rgb, null, 8, "png", file);
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals(rgb.data(), ImageFiles.read(in, "s.png").rgb().data());
        }
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> ImageFiles.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "three bytes"));
        assertEquals("three bytes: not an image (PNG, JPEG, TIFF, WebP, BMP and GIF can be read)", e.getMessage());
    }

    @Test
    void bmpAndWebpDecode() throws IOException {
        FloatImage rgb = MetricsTest.random(new Random(3), 3, 6, 5);
        BufferedImage bgr = new BufferedImage(5, 6, BufferedImage.TYPE_3BYTE_BGR);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 30; i++) {
                bgr.getRaster().setSample(i % 5, i / 5, c, Math.round(rgb.data()[c * 30 + i] * 255));
            }
        }
        Path bmp = dir.resolve("a.bmp");
        ImageIO.write(bgr, "bmp", bmp.toFile());
        assertArrayEquals(rgb.data(), ImageFiles.read(bmp).rgb().data());
        assertEquals("bmp", ImageFiles.read(bmp).formatName());

        Path webp = dir.resolve("fixture.webp");
        try (InputStream in = getClass().getResourceAsStream("rgba-5x4-lossless.webp")) {
            Files.copy(in, webp);
        }
        DecodedImage back = ImageFiles.read(webp);
        assertEquals("webp", back.formatName());
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals((x * 50 + y * 3) / 255f, back.rgb().get(0, y, x));
                assertEquals((y * 60 + x) / 255f, back.rgb().get(1, y, x));
                assertEquals((x * y * 17) / 255f, back.rgb().get(2, y, x));
                assertEquals((x + y) % 2 == 0 ? 1f : 128 / 255f, back.alpha().orElseThrow().get(0, y, x));
            }
        }
    }

    @Test
    void badFilesGiveClearErrors() throws IOException {
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertMessage(empty, "the file is empty");
        byte[] noise = new byte[5000];
        new Random(5).nextBytes(noise);
        noise[0] = 'x';
        assertMessage(Files.write(dir.resolve("noise.png"), noise), "not an image");
        assertMessage(Files.write(dir.resolve("photo.heic"),
                "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1)), "this kind of image cannot be read");

        FloatImage rgb = MetricsTest.random(new Random(6), 3, 64, 64);
        Path png = dir.resolve("full.png");
        writeWithImageIo(rgb, null, 8, "png", png);
        byte[] bytes = Files.readAllBytes(png);
        assertMessage(Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2)),
                "the image data is cut short (truncated PNG)");
        byte[] garbage = bytes.clone();
        for (int i = 60; i < garbage.length - 12; i++) {
            garbage[i] ^= 0x5A;
        }
        assertThrows(ImageFormatException.class, () -> ImageFiles.read(Files.write(dir.resolve("bad.png"), garbage)));

        Path jpeg = dir.resolve("full.jpg");
        writeWithImageIo(rgb, null, 8, "jpeg", jpeg);
        byte[] jpg = Files.readAllBytes(jpeg);
        assertMessage(Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpg, jpg.length / 2)),
                "the image data is cut short (truncated JPEG)");
    }

    @Test
    void hugeDeclaredSizeIsRefusedBeforeDecoding() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(100_000, 100_000));
        ImageFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ImageFormatException.class, () -> ImageFiles.read(bomb)));
        assertEquals(bomb + ": the image is too large: 100000×100000 pixels, more than the limit of 400000000",
                e.getMessage());

        Path small = dir.resolve("small.png");
        writeWithImageIo(FloatImage.zeros(3, 4, 4), null, 8, "png", small);
        assertEquals(4, ImageFiles.read(small, 16).width(), "the limit is inclusive");
        assertTrue(assertThrows(ImageFormatException.class, () -> ImageFiles.read(small, 15))
                .getMessage().endsWith("too large: 4×4 pixels, more than the limit of 15"));
    }

    /** Writes a fixture with the JDK's ImageIO writer: 8 or 16 bits per sample, RGB or RGBA. */
    private static void writeWithImageIo(FloatImage rgb, FloatImage alphaOrNull, int bits, String format, Path file)
            throws IOException {
        boolean hasAlpha = alphaOrNull != null;
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), hasAlpha, false,
                hasAlpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bits == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(rgb.width(), rgb.height());
        int max = (1 << bits) - 1;
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    raster.setSample(x, y, c, SampleLevels.of(rgb.get(c, y, x), max));
                }
                if (hasAlpha) {
                    raster.setSample(x, y, 3, SampleLevels.of(alphaOrNull.get(0, y, x), max));
                }
            }
        }
        if (!ImageIO.write(new BufferedImage(cm, raster, false, null), format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
    }

    private static void assertMessage(Path file, String problem) {
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + problem), "expected 'FILE: " + problem + "...', got: "
                + e.getMessage());
    }

    /** A minimal big-endian EXIF/TIFF block whose IFD0 has only the orientation tag. */
    private static byte[] exifWithOrientation(int orientation) {
        return ByteBuffer.allocate(26).put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8)
                .putShort((short) 1).putShort((short) 274).putShort((short) 3).putInt(1)
                .putShort((short) orientation).putShort((short) 0).putInt(0).array();
    }

    private static byte[] segment(int marker, byte[] payload) {
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)},
                payload);
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[]... segments) {
        return concat(Arrays.copyOf(jpeg, 2), concat(segments), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** PNG signature, an IHDR declaring the given size (8-bit RGB), a tiny IDAT and IEND. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
