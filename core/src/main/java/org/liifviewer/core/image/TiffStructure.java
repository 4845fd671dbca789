package org.liifviewer.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.List;

/**
 * The TIFF structure shared by TIFF files and EXIF blocks: the byte order of one being read, and the pieces of a
 * little-endian one being written (header, directory entries, directories).
 */
public final class TiffStructure {

    public static final int SHORT = 3;
    public static final int LONG = 4;
    public static final int UNDEFINED = 7;

    private TiffStructure() {
    }

    /**
     * One 12-byte directory entry of a little-endian structure.
     *
     * @param tag   tag number
     * @param type  field type ({@link #SHORT}, {@link #LONG}, ...)
     * @param count number of values
     * @param value the 4-byte value field read as a little-endian int: the values themselves when they fit in
     *              4 bytes, else their offset
     */
    public record Entry(int tag, int type, int count, int value) {
    }

    /** The byte order announced by the first two bytes of a TIFF structure, "II" or "MM". */
    public static ByteOrder byteOrder(byte[] start) throws IOException {
        if (start.length >= 2 && start[0] == start[1] && (start[0] == 'I' || start[0] == 'M')) {
            return start[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        }
        throw new IOException("not a TIFF structure");
    }

    /** The 8-byte little-endian header whose first directory is at {@code firstDirectory}. */
    public static ByteBuffer header(int firstDirectory) {
        return littleEndian(8).put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(firstDirectory).flip();
    }

    /** The size of a directory of {@code entries} entries. */
    public static int directoryBytes(int entries) {
        return 2 + 12 * entries + 4;
    }

    /** A directory of {@code entries}, sorted by tag as TIFF requires, with no next directory. */
    public static ByteBuffer directory(List<Entry> entries) {
        ByteBuffer ifd = littleEndian(directoryBytes(entries.size())).putShort((short) entries.size());
        entries.stream().sorted(Comparator.comparingInt(Entry::tag)).forEach(e ->
                ifd.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count()).putInt(e.value()));
        return ifd.putInt(0).flip();
    }

    private static ByteBuffer littleEndian(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
}
