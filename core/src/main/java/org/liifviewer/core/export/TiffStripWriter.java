package org.liifviewer.core.export;

import static org.liifviewer.core.image.TiffStructure.LONG;
import static org.liifviewer.core.image.TiffStructure.SHORT;
import static org.liifviewer.core.image.TiffStructure.UNDEFINED;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.liifviewer.core.image.ExifDirectories;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.SampleLevels;
import org.liifviewer.core.image.TiffStructure;
import org.liifviewer.core.image.TiffStructure.Entry;

/**
 * A streaming little-endian baseline TIFF encoder: every strip is deflated (compression 8) and written as it
 * arrives; the strip offsets, the ICC profile, the EXIF metadata and then the directory follow the last strip.
 * The EXIF block of the settings is not embedded as such: its descriptive IFD0 tags join the file's IFD0 with
 * orientation 1 (the pixels are upright), and its Exif, GPS and Interoperability directories are relocated into
 * the file (see {@link ExifDirectories}); a damaged block loses what cannot be read, never the export. Memory is
 * one strip. Classic TIFF addresses at most 4 GiB: larger outputs fail with a clear message.
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
        writeFully(TiffStructure.header(0));
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
                int q = SampleLevels.of(ch < 3 ? c[ch * plane + p] : alphaOrNull.data()[p], max);
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
        List<Entry> tags = new ArrayList<>();
        tags.add(new Entry(256, LONG, 1, settings.width()));
        tags.add(new Entry(257, LONG, 1, settings.height()));
        tags.add(new Entry(258, SHORT, samples, (int) append(shorts(samples, settings.bitDepth()))));
        tags.add(new Entry(259, SHORT, 1, 8));
        tags.add(new Entry(262, SHORT, 1, 2));
        tags.add(new Entry(277, SHORT, 1, samples));
        tags.add(new Entry(278, LONG, 1, rowsPerStrip));
        tags.add(new Entry(284, SHORT, 1, 1));
        if (samples == 4) {
            tags.add(new Entry(338, SHORT, 1, 2));   // unassociated alpha
        }
        if (settings.iccProfile().length > 0) {
            tags.add(new Entry(34675, UNDEFINED, settings.iccProfile().length,
                    (int) append(ByteBuffer.wrap(settings.iccProfile()))));
        }
        tags.add(stripEntry(273, 0));
        tags.add(stripEntry(279, 1));
        ExifDirectories.Relocated exif = ExifDirectories.parse(settings.exif()).withNormalOrientation()
                .relocate(alignedPosition());
        append(ByteBuffer.wrap(exif.data()));
        tags.addAll(exif.ifd0());
        long ifdAt = append(TiffStructure.directory(tags));
        out.position(4);
        writeFully(le(4).putInt((int) ifdAt).flip());
    }

    /** StripOffsets or StripByteCounts: element {@code field} of every strip, inline when there is one strip. */
    private Entry stripEntry(int tag, int field) throws IOException {
        if (strips.size() == 1) {
            return new Entry(tag, LONG, 1, (int) strips.get(0)[field]);
        }
        ByteBuffer values = le(4 * strips.size());
        strips.forEach(s -> values.putInt((int) s[field]));
        return new Entry(tag, LONG, strips.size(), (int) append(values.flip()));
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
        long at = alignedPosition();
        writeFully(b);
        checkAddressable(out.position());
        return at;
    }

    /** Pads the file to the next word boundary, where TIFF values and directories start; returns the position. */
    private long alignedPosition() throws IOException {
        if ((out.position() & 1) != 0) {
            writeFully(ByteBuffer.allocate(1));
        }
        return out.position();
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
