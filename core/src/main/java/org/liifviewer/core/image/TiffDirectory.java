package org.liifviewer.core.image;

import java.io.IOException;
import org.liifviewer.core.io.ByteSource;

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
    private static final int MAX_ICC_BYTES = 16 << 20;

    /** Parses IFD0; malformed structures are reported as {@link IOException}. */
    static TiffDirectory parse(ByteSource src) throws IOException {
        TiffReader reader = new TiffReader(src);
        int orientation = 1;
        byte[] icc = new byte[0];
        for (TiffReader.Entry e : reader.directory(reader.firstDirectory())) {
            if (e.tag() == TAG_ORIENTATION && e.type() == TiffStructure.SHORT && e.count() == 1) {
                orientation = (int) reader.number(e);
            } else if (e.tag() == TAG_ICC_PROFILE && e.count() > 4 && e.count() <= MAX_ICC_BYTES) {
                icc = reader.littleEndianValues(e, MAX_ICC_BYTES);
            }
        }
        return new TiffDirectory(orientation, icc);
    }
}
