package org.liifviewer.core.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.liifviewer.core.image.TiffStructure;

/** Edits of raw EXIF blocks (TIFF structure) before they are embedded in an exported file. */
final class ExifBlocks {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifBlocks() {
    }

    /**
     * A copy of {@code exif} whose IFD0 orientation is 1 (normal): exported pixels are already upright, so
     * keeping a rotation tag would make viewers rotate them twice. A block that cannot be parsed is returned
     * unchanged.
     */
    static byte[] withNormalOrientation(byte[] exif) {
        byte[] copy = exif.clone();
        try {
            ByteBuffer b = ByteBuffer.wrap(copy).order(TiffStructure.byteOrder(copy));
            int ifd = b.getInt(4);
            int entries = b.getShort(ifd) & 0xffff;
            for (int e = 0; e < entries; e++) {
                int at = ifd + 2 + 12 * e;
                if ((b.getShort(at) & 0xffff) == ORIENTATION_TAG
                        && (b.getShort(at + 2) & 0xffff) == TiffStructure.SHORT) {
                    b.putShort(at + 8, (short) 1);
                }
            }
        } catch (IOException | IndexOutOfBoundsException damaged) {
            return exif.clone();
        }
        return copy;
    }
}
