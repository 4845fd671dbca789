package org.liifviewer.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.SampleLevels;

class JpegStripWriterTest {

    /** Smooth colour waves with a little noise, like a rendered photograph. */
    private static FloatImage smooth(int h, int w, long seed) {
        Random r = new Random(seed);
        FloatImage img = FloatImage.zeros(3, h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.set(0, y, x, (float) (0.5 + 0.35 * Math.sin(x / 9.0 + y / 23.0) + 0.004 * r.nextGaussian()));
                img.set(1, y, x, (float) (0.5 + 0.3 * Math.cos(x / 17.0 - y / 11.0) + 0.004 * r.nextGaussian()));
                img.set(2, y, x, (float) (0.4 + 0.3 * Math.sin((x + y) / 31.0) * Math.cos(y / 13.0)));
            }
        }
        return img;
    }

    private static byte[] encode(FloatImage img, float quality, int stripRows) throws IOException {
        return encode(img, quality, ChromaSampling.FULL_444, stripRows);
    }

    private static byte[] encode(FloatImage img, float quality, ChromaSampling chroma, int stripRows)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var settings = new ExportSettings(img.width(), img.height(), ExportFormat.JPEG, 8, quality, chroma, null, null);
        JpegStripWriter writer = new JpegStripWriter(out, settings);
        for (int y = 0; y < img.height(); y += stripRows) {
            writer.write(img.crop(y, 0, Math.min(stripRows, img.height() - y), img.width()), null);
        }
        writer.finish();
        return out.toByteArray();
    }

    private static byte[] encodeWithJdk(FloatImage img, float quality) throws IOException {
        BufferedImage bi = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    rgb = rgb << 8 | SampleLevels.of(img.get(c, y, x), 255);
                }
                bi.setRGB(x, y, rgb);
            }
        }
        ImageWriter writer = jdkWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(bi, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ImageWriter jdkWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getModule() == ImageIO.class.getModule()) {
                return w;
            }
        }
        throw new AssertionError("no built-in JPEG writer");
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertTrue(img != null, "not decodable");
        return img;
    }

    private static int sample(BufferedImage img, int c, int y, int x) {
        return img.getRGB(x, y) >>> (16 - 8 * c) & 0xff;
    }

    private static double psnr(FloatImage src, BufferedImage decoded) {
        assertEquals(src.width(), decoded.getWidth());
        assertEquals(src.height(), decoded.getHeight());
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < src.height(); y++) {
                for (int x = 0; x < src.width(); x++) {
                    double d = SampleLevels.of(src.get(c, y, x), 255) - sample(decoded, c, y, x);
                    sum += d * d;
                }
            }
        }
        return 10 * Math.log10(255.0 * 255.0 / (sum / (3.0 * src.planeSize())));
    }

    @Test
    void matchesJdkEncoderInFidelityAndSize() throws IOException {
        FloatImage src = smooth(256, 320, 1);
        float[] qualities = {0.92f, 0.75f};
        double[] minPsnr = {42, 38};   // measured: 44.0 and 40.3 dB (JDK 43.9 and 40.3)
        for (int i = 0; i < qualities.length; i++) {
            byte[] ours = encode(src, qualities[i], ChromaSampling.HALF_420, 40);   // the JDK writer's sampling
            byte[] jdk = encodeWithJdk(src, qualities[i]);
            double oursPsnr = psnr(src, decode(ours));
            double jdkPsnr = psnr(src, decode(jdk));
            assertTrue(oursPsnr >= minPsnr[i], "PSNR " + oursPsnr + " at quality " + qualities[i]);
            assertTrue(Math.abs(oursPsnr - jdkPsnr) <= 1, "PSNR " + oursPsnr + " vs JDK " + jdkPsnr);
            double sizeRatio = (double) ours.length / jdk.length;
            assertTrue(sizeRatio > 0.85 && sizeRatio < 1.15, "size " + ours.length + " vs JDK " + jdk.length);
        }
    }

    @Test
    void anyStripHeightsGiveTheOneStripEncoding() throws IOException {
        int[][] sizes = {{1, 1}, {9, 17}, {50, 33}, {16, 16}, {33, 40}};
        for (ChromaSampling chroma : ChromaSampling.values()) {
            for (int[] size : sizes) {
                FloatImage src = smooth(size[0], size[1], 2);
                byte[] whole = encode(src, 0.9f, chroma, size[0]);
                String name = size[1] + "x" + size[0] + " " + chroma;
                for (int rows : new int[] {1, 3, 7, 8, 13, 17}) {
                    assertArrayEquals(whole, encode(src, 0.9f, chroma, rows), name + " in strips of " + rows);
                }
                double psnr = psnr(src, decode(whole));
                assertTrue(psnr > 34, name + ": PSNR " + psnr);
            }
        }
    }

    @Test
    void fullChromaKeepsOnePixelColourDetailThatHalfChromaBlurs() throws IOException {
        FloatImage stripes = FloatImage.zeros(3, 32, 48);   // alternating red and blue columns, equal in luma
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                stripes.set(x % 2 == 0 ? 0 : 2, y, x, x % 2 == 0 ? 0.6f : 1f);
            }
        }
        double full = psnr(stripes, decode(encode(stripes, 0.95f, ChromaSampling.FULL_444, 32)));
        double half = psnr(stripes, decode(encode(stripes, 0.95f, ChromaSampling.HALF_420, 32)));
        assertTrue(full > 30 && full > half + 10, "4:4:4 " + full + " dB, 4:2:0 " + half + " dB");
    }

    @Test
    void frameHeaderDeclaresTheSampling() throws IOException {
        for (ChromaSampling chroma : ChromaSampling.values()) {
            ByteBuffer jpeg = ByteBuffer.wrap(encode(smooth(20, 30, 8), 0.9f, chroma, 20));
            jpeg.getShort();                                    // SOI
            while ((jpeg.getShort() & 0xff) != 0xc0) {           // skip the segments before SOF0
                int length = jpeg.getShort() & 0xffff;
                jpeg.position(jpeg.position() + length - 2);
            }
            jpeg.position(jpeg.position() + 8);                 // length, precision, height, width, components
            int expected = chroma == ChromaSampling.FULL_444 ? 0x11 : 0x22;
            assertEquals(expected, jpeg.get(jpeg.position() + 1) & 0xff, "luma sampling of " + chroma);
            assertEquals(0x11, jpeg.get(jpeg.position() + 4) & 0xff, "Cb sampling of " + chroma);
            assertEquals(0x11, jpeg.get(jpeg.position() + 7) & 0xff, "Cr sampling of " + chroma);
        }
    }

    @Test
    void chromaSamplingIsParsedFromItsUsualNames() {
        assertEquals(ChromaSampling.FULL_444, ChromaSampling.parse("444"));
        assertEquals(ChromaSampling.HALF_420, ChromaSampling.parse("4:2:0"));
        assertEquals("4:4:4", ChromaSampling.FULL_444.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChromaSampling.parse("422"));
        assertEquals("chroma sampling must be 444 or 420, got 422", e.getMessage());
    }

    @Test
    void grayStaysGray() throws IOException {
        FloatImage src = smooth(48, 64, 3);
        for (int p = 0; p < src.planeSize(); p++) {
            src.data()[src.planeSize() + p] = src.data()[p];
            src.data()[2 * src.planeSize() + p] = src.data()[p];
        }
        BufferedImage back = decode(encode(src, 0.92f, 48));
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int r = sample(back, 0, y, x);
                int g = sample(back, 1, y, x);
                int b = sample(back, 2, y, x);
                assertTrue(Math.abs(r - g) <= 2 && Math.abs(g - b) <= 2, "colour cast at " + x + "," + y);
            }
        }
        assertTrue(psnr(src, back) > 42);
    }

    @Test
    void saturatedColoursSurvive() throws IOException {
        float[][] colours = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}, {0, 0, 0}, {1, 1, 1}};
        FloatImage src = FloatImage.zeros(3, 32, 32 * colours.length);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < src.width(); x++) {
                    src.set(c, y, x, colours[x / 32][c]);
                }
            }
        }
        BufferedImage back = decode(encode(src, 0.92f, 32));
        for (int i = 0; i < colours.length; i++) {
            for (int c = 0; c < 3; c++) {
                int got = sample(back, c, 16, 32 * i + 16);
                assertTrue(Math.abs(got - 255 * colours[i][c]) <= 6, "colour " + i + " channel " + c + ": " + got);
            }
        }
        assertTrue(psnr(src, back) > 25);
    }

    @Test
    void wideImagesBufferOneBandWhateverTheHeight() throws IOException {
        int w = 20000;
        FloatImage src = smooth(64, w, 4);
        for (ChromaSampling chroma : ChromaSampling.values()) {
            int band = chroma.mcuSize() * w * 3;
            var settings = new ExportSettings(w, 64, ExportFormat.JPEG, 8, 0.8f, chroma, null, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JpegStripWriter writer = new JpegStripWriter(out, settings);
            for (int y = 0; y < 64; y += 13) {
                writer.write(src.crop(y, 0, Math.min(13, 64 - y), w), null);
                assertEquals(band, writer.bufferedBytes());
            }
            writer.finish();
            var tall = new ExportSettings(w, JpegStripWriter.MAX_SIDE, ExportFormat.JPEG, 8, 0.8f, chroma, null, null);
            assertEquals(band, new JpegStripWriter(new ByteArrayOutputStream(), tall).bufferedBytes());
            assertTrue(psnr(src, decode(out.toByteArray())) > 34);
        }
    }

    @Test
    void writesMetadataSegmentsBetweenJfifAndFrame() throws IOException {
        ByteBuffer exif = ByteBuffer.allocate(26);   // big-endian IFD0 with one entry: orientation 6
        exif.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        exif.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6);
        byte[] icc = new byte[100_000];   // needs two APP2 chunks
        new Random(6).nextBytes(icc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var settings = new ExportSettings(5, 3, ExportFormat.JPEG, 8, 0.9f, ChromaSampling.FULL_444, exif.array(), icc);
        JpegStripWriter writer = new JpegStripWriter(out, settings);
        writer.write(smooth(3, 5, 7), null);
        writer.finish();

        ByteBuffer jpeg = ByteBuffer.wrap(out.toByteArray());
        assertEquals((short) 0xffd8, jpeg.getShort());
        List<Integer> markers = new ArrayList<>();
        ByteArrayOutputStream iccBack = new ByteArrayOutputStream();
        int marker = 0;
        while (marker != 0xda) {
            marker = jpeg.getShort() & 0xff;
            markers.add(marker);
            byte[] body = new byte[(jpeg.getShort() & 0xffff) - 2];
            jpeg.get(body);
            if (marker == 0xe1) {
                assertEquals(1, ByteBuffer.wrap(body).getShort(6 + 18), "orientation reset to normal");
            } else if (marker == 0xe2) {
                iccBack.write(body, 14, body.length - 14);
            }
        }
        assertEquals(List.of(0xe0, 0xe1, 0xe2, 0xe2, 0xdb, 0xc0, 0xc4, 0xda), markers);
        assertArrayEquals(icc, iccBack.toByteArray());
        assertEquals((short) 0xffd9, jpeg.getShort(jpeg.limit() - 2));
        assertEquals(5, decode(out.toByteArray()).getWidth());
    }

    @Test
    void refusesSidesBeyondJpegLimit() {
        var settings = new ExportSettings(JpegStripWriter.MAX_SIDE + 1, 1, ExportFormat.JPEG, 8, 0.9f,
                ChromaSampling.FULL_444, null, null);
        assertThrows(IOException.class, () -> new JpegStripWriter(new ByteArrayOutputStream(), settings));
    }

    @Test
    void dctMatchesItsDefinitionUpToScale() {
        Random r = new Random(5);
        float[] block = new float[64];
        for (int i = 0; i < 64; i++) {
            block[i] = r.nextInt(256) - 128;
        }
        float[] transformed = block.clone();
        ForwardDct.transform(transformed);
        for (int u = 0; u < 8; u++) {
            for (int v = 0; v < 8; v++) {
                double sum = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        sum += block[8 * y + x] * Math.cos((2 * y + 1) * u * Math.PI / 16)
                                * Math.cos((2 * x + 1) * v * Math.PI / 16);
                    }
                }
                double expected = sum / 4 * (u == 0 ? Math.sqrt(0.5) : 1) * (v == 0 ? Math.sqrt(0.5) : 1);
                int i = 8 * u + v;
                assertEquals(expected, transformed[i] / ForwardDct.scale(i), 1e-3, "coefficient " + u + "," + v);
            }
        }
    }

    @Test
    void quantisationScalesAnnexKTablesLikeIjg() {
        assertEquals(5000, QuantisationTable.ijgScale(0f));
        assertEquals(100, QuantisationTable.ijgScale(0.5f));
        assertEquals(50, QuantisationTable.ijgScale(0.75f));
        assertEquals(16, QuantisationTable.ijgScale(0.92f));
        assertEquals(0, QuantisationTable.ijgScale(1f));
        ByteArrayOutputStream dqt = new ByteArrayOutputStream();
        new QuantisationTable(JPEGQTable.K1Luminance, 0.5f).appendTo(dqt, 0);
        new QuantisationTable(JPEGQTable.K2Chrominance, 0.75f).appendTo(dqt, 1);
        new QuantisationTable(JPEGQTable.K1Luminance, 1f).appendTo(dqt, 2);
        new QuantisationTable(JPEGQTable.K1Luminance, 0f).appendTo(dqt, 3);
        byte[] b = dqt.toByteArray();
        assertEquals(4 * 65, b.length);
        // zig-zag order: K.1 starts 16 11 12 14 12 10; K.2 at half scale 17/2 18/2 18/2 24/2 21/2 24/2
        assertArrayEquals(new byte[] {0, 16, 11, 12, 14, 12, 10}, Arrays.copyOfRange(b, 0, 7));
        assertArrayEquals(new byte[] {1, 9, 9, 9, 12, 11, 12}, Arrays.copyOfRange(b, 65, 72));
        assertEquals(1, b[130 + 1 + 63]);
        assertEquals((byte) 255, b[195 + 1 + 5]);
    }

    @Test
    void huffmanCodesAndByteStuffingFollowTheStandard() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JpegBitWriter bits = new JpegBitWriter(out);
        new HuffmanTable(JPEGHuffmanTable.StdDCLuminance).write(bits, 0, 0, 0);     // 00
        new HuffmanTable(JPEGHuffmanTable.StdACLuminance).write(bits, 0x00, 0, 0);  // EOB: 1010
        new HuffmanTable(JPEGHuffmanTable.StdACLuminance).write(bits, 0xf0, 0, 0);  // ZRL: 11111111001
        new HuffmanTable(JPEGHuffmanTable.StdACChrominance).write(bits, 0x01, 1, 1); // 01, then bit 1
        bits.finish();
        // 00101011 11111100 1011 and four padding ones
        assertArrayEquals(new byte[] {0x2b, (byte) 0xfc, (byte) 0xbf}, out.toByteArray());

        out.reset();
        bits = new JpegBitWriter(out);
        bits.write(0xff, 8);
        bits.write(0x1, 1);
        bits.finish();
        assertArrayEquals(new byte[] {(byte) 0xff, 0, (byte) 0xff, 0}, out.toByteArray());
    }
}
