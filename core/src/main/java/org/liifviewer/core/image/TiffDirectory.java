package org.liifviewer.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The two tags this package needs from the first IFD of a TIFF structure (a TIFF file or an EXIF
 * block): orientation (274) and the embedded ICC profile (34675).
 *
 * @param orientation the EXIF orientation tag value, 1 when absent
 * @param iccProfile  the profile bytes, empty when absent
 */
record TiffDirectory(int orientation, byte[] iccProfile) {

    private static final int TAG_ORIENTATION = 274;
    private static final int TAG_ICC_PROFILE = 34675;
    private static final int TYPE_SHORT = 3;
    private static final int MAX_ENTRIES = 4096;
    private static final int MAX_ICC_BYTES = 16 << 20;

    static final TiffDirectory EMPTY = new TiffDirectory(1, new byte[0]);

    /** Parses IFD0; malformed structures are reported as {@link IOException}. */
    static TiffDirectory parse(ByteSource src) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(src.read(0, 8));
        ByteOrder order = switch (header.getShort(0)) {
            case 0x4949 -> ByteOrder.LITTLE_ENDIAN;
            case 0x4D4D -> ByteOrder.BIG_ENDIAN;
            default -> throw new IOException("not a TIFF structure");
        };
        header.order(order);
        long ifd = Integer.toUnsignedLong(header.getInt(4));
        int count = Short.toUnsignedInt(ByteBuffer.wrap(src.read(ifd, 2)).order(order).getShort());
        if (count > MAX_ENTRIES) {
            throw new IOException("TIFF directory with " + count + " entries");
        }
        ByteBuffer entries = ByteBuffer.wrap(src.read(ifd + 2, 12 * count)).order(order);
        int orientation = 1;
        byte[] icc = new byte[0];
        for (int i = 0; i < count; i++) {
            int base = 12 * i;
            int tag = Short.toUnsignedInt(entries.getShort(base));
            int type = Short.toUnsignedInt(entries.getShort(base + 2));
            long n = Integer.toUnsignedLong(entries.getInt(base + 4));
            if (tag == TAG_ORIENTATION && type == TYPE_SHORT && n == 1) {
                orientation = Short.toUnsignedInt(entries.getShort(base + 8));
            } else if (tag == TAG_ICC_PROFILE && n > 4 && n <= MAX_ICC_BYTES) {
                icc = src.read(Integer.toUnsignedLong(entries.getInt(base + 8)), (int) n);
            }
        }
        return new TiffDirectory(orientation, icc);
    }
}
