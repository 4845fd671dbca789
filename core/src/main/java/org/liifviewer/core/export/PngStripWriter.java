package org.liifviewer.core.export;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.SampleLevels;

/**
 * A streaming PNG encoder: rows are filtered (Paeth) and deflated as they arrive, and the compressed bytes
 * leave in IDAT chunks of at most {@link #CHUNK_BYTES}, so memory is two rows plus one chunk whatever the
 * image size. Writes {@code iCCP} and {@code eXIf} before the pixels.
 */
final class PngStripWriter implements StripWriter {

    /** Largest IDAT chunk. */
    static final int CHUNK_BYTES = 1 << 18;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int PAETH = 4;

    private final OutputStream out;
    private final int width;
    private final int channels;
    private final int bytesPerSample;
    private final int max;
    private final Deflater deflater = new Deflater(6);
    private final DeflaterOutputStream idat;
    private byte[] previous;
    private byte[] current;
    private final byte[] filtered;

    PngStripWriter(OutputStream out, ExportSettings settings, boolean alpha) throws IOException {
        this.out = out;
        this.width = settings.width();
        this.channels = alpha ? 4 : 3;
        this.bytesPerSample = settings.bitDepth() / 8;
        this.max = (1 << settings.bitDepth()) - 1;
        int rowBytes = Math.multiplyExact(width, channels * bytesPerSample);
        this.previous = new byte[rowBytes];
        this.current = new byte[rowBytes];
        this.filtered = new byte[rowBytes + 1];
        out.write(SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(settings.height());
        h.writeByte(settings.bitDepth());
        h.writeByte(alpha ? 6 : 2);   // colour type: RGBA or RGB
        h.writeByte(0);               // deflate
        h.writeByte(0);               // adaptive filtering
        h.writeByte(0);               // no interlace
        chunk("IHDR", ihdr.toByteArray(), 0, ihdr.size());
        if (settings.iccProfile().length > 0) {
            writeIccp(settings.iccProfile());
        }
        if (settings.exif().length > 0) {
            byte[] exif = ExifBlocks.withNormalOrientation(settings.exif());
            chunk("eXIf", exif, 0, exif.length);
        }
        this.idat = new DeflaterOutputStream(new ChunkStream(), deflater, CHUNK_BYTES);
    }

    @Override
    public void write(FloatImage rgb, FloatImage alphaOrNull) throws IOException {
        float[] c = rgb.data();
        int plane = rgb.planeSize();
        for (int y = 0; y < rgb.height(); y++) {
            int row = y * width;
            int i = 0;
            for (int x = 0; x < width; x++) {
                for (int ch = 0; ch < channels; ch++) {
                    float v = ch < 3 ? c[ch * plane + row + x] : alphaOrNull.data()[row + x];
                    int q = SampleLevels.of(v, max);
                    if (bytesPerSample == 2) {
                        current[i++] = (byte) (q >>> 8);
                    }
                    current[i++] = (byte) q;
                }
            }
            paeth();
            idat.write(filtered);
            byte[] t = previous;
            previous = current;
            current = t;
        }
    }

    @Override
    public void finish() throws IOException {
        idat.finish();
        deflater.end();
        chunk("IEND", new byte[0], 0, 0);
        out.flush();
    }

    private void paeth() {
        int bpp = channels * bytesPerSample;
        filtered[0] = PAETH;
        for (int i = 0; i < current.length; i++) {
            int a = i >= bpp ? current[i - bpp] & 0xff : 0;
            int b = previous[i] & 0xff;
            int c = i >= bpp ? previous[i - bpp] & 0xff : 0;
            int p = a + b - c;
            int pa = Math.abs(p - a);
            int pb = Math.abs(p - b);
            int pc = Math.abs(p - c);
            int predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            filtered[i + 1] = (byte) (current[i] - predictor);
        }
    }

    private void writeIccp(byte[] profile) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("ICC profile".getBytes(StandardCharsets.ISO_8859_1));
        body.write(0);   // name terminator
        body.write(0);   // deflate
        try (DeflaterOutputStream z = new DeflaterOutputStream(body)) {
            z.write(profile);
        }
        chunk("iCCP", body.toByteArray(), 0, body.size());
    }

    private void chunk(String type, byte[] data, int off, int len) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, off, len);
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(len);
        d.write(t);
        d.write(data, off, len);
        d.writeInt((int) crc.getValue());
    }

    /** Receives the deflated stream and emits it as IDAT chunks. */
    private final class ChunkStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int done = 0; done < len; done += CHUNK_BYTES) {
                chunk("IDAT", b, off + done, Math.min(CHUNK_BYTES, len - done));
            }
        }
    }
}
