package org.liifviewer.core.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.liifviewer.core.image.FloatImage;

/**
 * A streaming little-endian baseline TIFF encoder: every strip is deflated (compression 8) and written as it
 * arrives; the directory, with the strip offsets and the ICC profile, follows the last strip. Memory is one
 * strip. Classic TIFF addresses at most 4 GiB: larger outputs fail with a clear message.
 */
final class TiffStripWriter implements StripWriter {

    private static final long MAX_OFFSET = 0xffffffffL;

    private final FileChannel out;
    private final ExportSettings settings;
    private final int samples;
    private final int rowsPerStrip;
    private final List<long[]> strips = new ArrayList<>();

    TiffStripWriter(FileChannel out, ExportSettings settings, boolean alpha, int rowsPerStrip) throws IOException {
        this.out = out;
        this.settings = settings;
        this.samples = alpha ? 4 : 3;
        this.rowsPerStrip = rowsPerStrip;
        ByteBuffer header = le(8).put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(0);
        writeFully(header.flip());
    }

    @Override
    public void write(FloatImage rgb, FloatImage alphaOrNull) throws IOException {
        int plane = rgb.planeSize();
        int bytes = settings.bitDepth() / 8;
        int max = (1 << settings.bitDepth()) - 1;
        ByteBuffer raw = le(plane * samples * bytes);
        float[] c = rgb.data();
        for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < samples; ch++) {
                int q = StripWriter.quantise(ch < 3 ? c[ch * plane + p] : alphaOrNull.data()[p], max);
                if (bytes == 2) {
                    raw.putShort((short) q);
                } else {
                    raw.put((byte) q);
                }
            }
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream(raw.capacity() / 2);
        try (DeflaterOutputStream z = new DeflaterOutputStream(packed)) {
            z.write(raw.array());
        }
        long offset = out.position();
        strips.add(new long[] {offset, packed.size()});
        writeFully(ByteBuffer.wrap(packed.toByteArray()));
        checkAddressable(out.position());
    }

    @Override
    public void finish() throws IOException {
        long bitsAt = append(shorts(samples, settings.bitDepth()));
        long iccAt = settings.iccProfile().length > 0 ? append(ByteBuffer.wrap(settings.iccProfile())) : 0;
        ByteBuffer offsets = le(4 * strips.size());
        ByteBuffer counts = le(4 * strips.size());
        strips.forEach(s -> {
            offsets.putInt((int) s[0]);
            counts.putInt((int) s[1]);
        });
        long offsetsAt = append(offsets.flip());
        long countsAt = append(counts.flip());
        List<int[]> tags = new ArrayList<>();   // tag, type, count, value
        tags.add(new int[] {256, 4, 1, settings.width()});
        tags.add(new int[] {257, 4, 1, settings.height()});
        tags.add(new int[] {258, 3, samples, (int) bitsAt});
        tags.add(new int[] {259, 3, 1, 8});
        tags.add(new int[] {262, 3, 1, 2});
        tags.add(new int[] {273, 4, strips.size(), strips.size() == 1 ? (int) strips.get(0)[0] : (int) offsetsAt});
        tags.add(new int[] {277, 3, 1, samples});
        tags.add(new int[] {278, 4, 1, rowsPerStrip});
        tags.add(new int[] {279, 4, strips.size(), strips.size() == 1 ? (int) strips.get(0)[1] : (int) countsAt});
        tags.add(new int[] {284, 3, 1, 1});
        if (samples == 4) {
            tags.add(new int[] {338, 3, 1, 2});   // unassociated alpha
        }
        if (iccAt != 0) {
            tags.add(new int[] {34675, 7, settings.iccProfile().length, (int) iccAt});
        }
        ByteBuffer ifd = le(2 + 12 * tags.size() + 4).putShort((short) tags.size());
        for (int[] t : tags) {
            ifd.putShort((short) t[0]).putShort((short) t[1]).putInt(t[2]);
            if (t[1] == 3 && t[2] == 1) {
                ifd.putShort((short) t[3]).putShort((short) 0);
            } else {
                ifd.putInt(t[3]);
            }
        }
        long ifdAt = append(ifd.putInt(0).flip());
        out.position(4);
        writeFully(le(4).putInt((int) ifdAt).flip());
    }

    private static ByteBuffer shorts(int n, int value) {
        ByteBuffer b = le(2 * n);
        for (int i = 0; i < n; i++) {
            b.putShort((short) value);
        }
        return b.flip();
    }

    /** Writes {@code b} at the next word boundary; returns its offset. */
    private long append(ByteBuffer b) throws IOException {
        if ((out.position() & 1) != 0) {
            writeFully(ByteBuffer.allocate(1));
        }
        long at = out.position();
        writeFully(b);
        checkAddressable(out.position());
        return at;
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static void checkAddressable(long position) throws IOException {
        if (position > MAX_OFFSET) {
            throw new IOException("TIFF output exceeds 4 GiB, which classic TIFF cannot address: export as PNG");
        }
    }

    private static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
}
