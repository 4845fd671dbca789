package org.liifviewer.core.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.liifviewer.core.image.FloatImage;

/**
 * JPEG through the JDK's encoder, which needs the whole raster: strips are quantised into an 8-bit
 * interleaved image (3 bytes a pixel, not floats), encoded at the end, and the EXIF (APP1) and ICC (APP2)
 * segments are spliced in after the JFIF header. JPEG itself is limited to 65535 pixels a side.
 */
final class JpegStripWriter implements StripWriter {

    static final int MAX_SIDE = 65535;
    private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_SEGMENT = 65533;

    private final OutputStream out;
    private final ExportSettings settings;
    private final BufferedImage image;
    private final byte[] pixels;
    private int nextRow;

    JpegStripWriter(OutputStream out, ExportSettings settings) throws IOException {
        if (settings.width() > MAX_SIDE || settings.height() > MAX_SIDE) {
            throw new IOException("JPEG is limited to " + MAX_SIDE + " pixels a side: export as PNG or TIFF");
        }
        this.out = out;
        this.settings = settings;
        this.image = new BufferedImage(settings.width(), settings.height(), BufferedImage.TYPE_3BYTE_BGR);
        this.pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Override
    public void write(FloatImage rgb, FloatImage alphaOrNull) {
        int plane = rgb.planeSize();
        float[] c = rgb.data();
        int base = nextRow * settings.width() * 3;
        for (int p = 0; p < plane; p++) {
            pixels[base + 3 * p] = (byte) StripWriter.quantise(c[2 * plane + p], 255);
            pixels[base + 3 * p + 1] = (byte) StripWriter.quantise(c[plane + p], 255);
            pixels[base + 3 * p + 2] = (byte) StripWriter.quantise(c[p], 255);
        }
        nextRow += rgb.height();
    }

    @Override
    public void finish() throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageWriter writer = jdkWriter();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(encoded)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(settings.jpegQuality());
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = encoded.toByteArray();
        int insertAt = 2;   // after SOI, and after a JFIF APP0 segment when there is one
        if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0) {
            insertAt = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        }
        out.write(jpeg, 0, insertAt);
        if (settings.exif().length > 0 && settings.exif().length + EXIF_ID.length <= MAX_SEGMENT) {
            segment(0xe1, EXIF_ID, ExifBlocks.withNormalOrientation(settings.exif()), 0, settings.exif().length);
        }
        byte[] icc = settings.iccProfile();
        int perChunk = MAX_SEGMENT - ICC_ID.length - 2;
        int chunks = (icc.length + perChunk - 1) / perChunk;
        for (int i = 0; i < chunks && chunks < 256; i++) {
            byte[] id = java.util.Arrays.copyOf(ICC_ID, ICC_ID.length + 2);
            id[ICC_ID.length] = (byte) (i + 1);
            id[ICC_ID.length + 1] = (byte) chunks;
            segment(0xe2, id, icc, i * perChunk, Math.min(perChunk, icc.length - i * perChunk));
        }
        out.write(jpeg, insertAt, jpeg.length - insertAt);
        out.flush();
    }

    private void segment(int marker, byte[] id, byte[] data, int off, int len) throws IOException {
        int length = 2 + id.length + len;
        out.write(new byte[] {(byte) 0xff, (byte) marker, (byte) (length >>> 8), (byte) length});
        out.write(id);
        out.write(data, off, len);
    }

    private static ImageWriter jdkWriter() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getModule() == ImageIO.class.getModule()) {
                return w;
            }
            w.dispose();
        }
        throw new IOException("no built-in JPEG writer");
    }
}
