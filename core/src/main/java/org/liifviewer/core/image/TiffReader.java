package org.liifviewer.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.liifviewer.core.io.ByteSource;

/**
 * Reads the directories of a TIFF structure (a TIFF file or an EXIF block) in either byte order, with values
 * converted to little-endian. Malformed structures are reported as {@link IOException}.
 */
final class TiffReader {

    /** Field type 13: a LONG holding the offset of a sub-directory. */
    static final int IFD = 13;
    private static final int MAX_ENTRIES = 4096;
    /** Bytes of one value by field type 1-13 (BYTE, ASCII, SHORT, LONG, RATIONAL, SBYTE, UNDEFINED, SSHORT, ...). */
    private static final int[] VALUE_BYTES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};
    /** Bytes swapped as one unit by field type: a RATIONAL is two LONGs. */
    private static final int[] UNIT_BYTES = {0, 1, 1, 2, 4, 4, 1, 1, 2, 4, 4, 4, 8, 4};

    /**
     * One directory entry.
     *
     * @param field the raw 4-byte value field, in the structure's byte order
     */
    record Entry(int tag, int type, long count, byte[] field) {
    }

    private final ByteSource src;
    private final ByteOrder order;
    private final long firstDirectory;

    TiffReader(ByteSource src) throws IOException {
        this.src = src;
        byte[] header = src.read(0, 8);
        this.order = TiffStructure.byteOrder(header);
        this.firstDirectory = Integer.toUnsignedLong(ByteBuffer.wrap(header).order(order).getInt(4));
    }

    /** The offset of IFD0. */
    long firstDirectory() {
        return firstDirectory;
    }

    /** The entries of the directory at {@code offset}, in file order. */
    List<Entry> directory(long offset) throws IOException {
        int count = Short.toUnsignedInt(ByteBuffer.wrap(src.read(offset, 2)).order(order).getShort());
        if (count > MAX_ENTRIES) {
            throw new IOException("TIFF directory with " + count + " entries");
        }
        ByteBuffer entries = ByteBuffer.wrap(src.read(offset + 2, 12 * count)).order(order);
        List<Entry> list = new ArrayList<>(count);
        for (int at = 0; at < 12 * count; at += 12) {
            list.add(new Entry(Short.toUnsignedInt(entries.getShort(at)), Short.toUnsignedInt(entries.getShort(at + 2)),
                    Integer.toUnsignedLong(entries.getInt(at + 4)), Arrays.copyOfRange(entries.array(), at + 8, at + 12)));
        }
        return list;
    }

    /** The single SHORT, LONG or IFD value of {@code e}: an orientation, a sub-directory offset. */
    long number(Entry e) throws IOException {
        ByteBuffer field = ByteBuffer.wrap(e.field()).order(order);
        if (e.count() == 1 && e.type() == TiffStructure.SHORT) {
            return Short.toUnsignedInt(field.getShort(0));
        }
        if (e.count() == 1 && (e.type() == TiffStructure.LONG || e.type() == IFD)) {
            return Integer.toUnsignedLong(field.getInt(0));
        }
        throw new IOException("tag " + e.tag() + " is not a single SHORT or LONG");
    }

    /** The values of {@code e} as little-endian bytes, read from the value field or from the offset it holds. */
    byte[] littleEndianValues(Entry e, long maxBytes) throws IOException {
        if (e.type() < 1 || e.type() >= VALUE_BYTES.length) {
            throw new IOException("tag " + e.tag() + " has unknown field type " + e.type());
        }
        long length = e.count() * VALUE_BYTES[e.type()];
        if (length > maxBytes) {
            throw new IOException("tag " + e.tag() + " has " + length + " bytes of values");
        }
        byte[] values = length <= 4 ? Arrays.copyOf(e.field(), (int) length)
                : src.read(Integer.toUnsignedLong(ByteBuffer.wrap(e.field()).order(order).getInt()), (int) length);
        if (order == ByteOrder.BIG_ENDIAN) {
            reverseUnits(values, UNIT_BYTES[e.type()]);
        }
        return values;
    }

    private static void reverseUnits(byte[] values, int unit) {
        for (int start = 0; start < values.length; start += unit) {
            for (int i = start, j = start + unit - 1; i < j; i++, j--) {
                byte t = values[i];
                values[i] = values[j];
                values[j] = t;
            }
        }
    }
}
