package org.liifviewer.core.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.SampleLevels;

/**
 * A streaming JPEG writer: rows are quantised to 8-bit RGB into a band of one MCU row (8 rows at 4:4:4, 16 at
 * 4:2:0; {@link ChromaSampling}), the width rounded up to whole MCUs by repeating the last column, and
 * each band is handed to {@link JpegEncoder} as soon as it is full, so memory is proportional to the width
 * whatever the height. The last, partial band repeats the last row. Writes SOI, a JFIF APP0 segment, the
 * EXIF block (APP1, orientation reset to normal; only when it fits one segment) and the ICC profile (APP2
 * chunks) before the frame. JPEG itself is limited to 65535 pixels a side.
 */
final class JpegStripWriter implements StripWriter {

    static final int MAX_SIDE = 65535;
    private static final byte[] JFIF = {'J', 'F', 'I', 'F', 0, 1, 2, 0, 0, 1, 0, 1, 0, 0};   // v1.02, 1:1 aspect
    private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_ICC_CHUNKS = 255;

    private final OutputStream out;
    private final int width;
    private final int mcuSize;
    private final int stride;
    private final byte[] band;
    private final JpegEncoder encoder;
    private int bandRows;

    JpegStripWriter(OutputStream out, ExportSettings settings) throws IOException {
        if (settings.width() > MAX_SIDE || settings.height() > MAX_SIDE) {
            throw new IOException("JPEG is limited to " + MAX_SIDE + " pixels a side: export as PNG or TIFF");
        }
        this.out = out;
        this.width = settings.width();
        this.mcuSize = settings.jpegChroma().mcuSize();
        int mcus = (width + mcuSize - 1) / mcuSize;
        this.stride = 3 * mcus * mcuSize;
        this.band = new byte[mcuSize * stride];
        JpegSegments.marker(out, JpegSegments.SOI);
        JpegSegments.segment(out, JpegSegments.APP0, JFIF);
        writeExif(settings.exif());
        writeIcc(settings.iccProfile());
        this.encoder = new JpegEncoder(out, width, settings.height(), settings.jpegQuality(),
                settings.jpegChroma());
    }

    @Override
    public void write(FloatImage rgb, FloatImage alphaOrNull) throws IOException {
        int plane = rgb.planeSize();
        float[] c = rgb.data();
        for (int y = 0; y < rgb.height(); y++) {
            int at = bandRows * stride;
            for (int x = 0, p = y * width; x < width; x++, p++, at += 3) {
                band[at] = (byte) SampleLevels.of(c[p], 255);
                band[at + 1] = (byte) SampleLevels.of(c[plane + p], 255);
                band[at + 2] = (byte) SampleLevels.of(c[2 * plane + p], 255);
            }
            for (int end = (bandRows + 1) * stride; at < end; at += 3) {
                System.arraycopy(band, at - 3, band, at, 3);
            }
            if (++bandRows == mcuSize) {
                encoder.encodeMcuRow(band, stride);
                bandRows = 0;
            }
        }
    }

    @Override
    public void finish() throws IOException {
        if (bandRows > 0) {
            for (int row = bandRows; row < mcuSize; row++) {
                System.arraycopy(band, (bandRows - 1) * stride, band, row * stride, stride);
            }
            encoder.encodeMcuRow(band, stride);
        }
        encoder.finish();
        out.flush();
    }

    /** Bytes held for pixel rows: one band, whatever the image height. */
    int bufferedBytes() {
        return band.length;
    }

    private void writeExif(byte[] exif) throws IOException {
        if (exif.length > 0 && EXIF_ID.length + exif.length <= JpegSegments.MAX_BODY) {
            JpegSegments.segment(out, JpegSegments.APP1, concat(EXIF_ID, ExifBlocks.withNormalOrientation(exif), 0,
                    exif.length));
        }
    }

    /** The profile in numbered APP2 chunks (ICC.1 B.4); a profile needing more than 255 is left out. */
    private void writeIcc(byte[] icc) throws IOException {
        int perChunk = JpegSegments.MAX_BODY - ICC_ID.length - 2;
        int chunks = (icc.length + perChunk - 1) / perChunk;
        if (chunks > MAX_ICC_CHUNKS) {
            return;
        }
        for (int i = 0; i < chunks; i++) {
            byte[] id = Arrays.copyOf(ICC_ID, ICC_ID.length + 2);
            id[ICC_ID.length] = (byte) (i + 1);
            id[ICC_ID.length + 1] = (byte) chunks;
            JpegSegments.segment(out, JpegSegments.APP2, concat(id, icc, i * perChunk,
                    Math.min(perChunk, icc.length - i * perChunk)));
        }
    }

    private static byte[] concat(byte[] head, byte[] data, int off, int len) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(head.length + len);
        body.writeBytes(head);
        body.write(data, off, len);
        return body.toByteArray();
    }
}
