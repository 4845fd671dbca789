package org.liifviewer.core.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.liifviewer.core.io.ByteSource;

/**
 * Whether a file ends where its container says it does: the end marker of JPEG, PNG and GIF, the sizes in the
 * headers of WebP and BMP, the first directory of a TIFF. Tells a file that was cut short from one whose data is
 * damaged, to say which when decoding fails.
 */
final class FileEnding {

    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private FileEnding() {
    }

    /**
     * Whether {@code src}, recognised as {@code format}, ends before its container's end; false where that cannot
     * be told (a structure too damaged to follow).
     */
    static boolean isCutShort(ByteSource src, ContainerFormat format) {
        try {
            return endsEarly(src, format);
        } catch (EOFException e) {
            return true;    // a structure the container promises reaches beyond the end
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean endsEarly(ByteSource src, ContainerFormat format) throws IOException {
        long size = src.size();
        return switch (format) {
            case JPEG -> size < 4 || !Arrays.equals(src.read(size - 2, 2), new byte[] {(byte) 0xFF, (byte) 0xD9});
            case PNG -> size < 8 + PNG_END.length
                    || !Arrays.equals(src.read(size - PNG_END.length, PNG_END.length), PNG_END);
            case GIF -> size < 14 || src.read(size - 1, 1)[0] != 0x3B;
            case WEBP -> size < 12 || 8 + unsignedLittleEndian(src.read(4, 4)) > size;
            case BMP -> size < 6 || unsignedLittleEndian(src.read(2, 4)) > size;
            case TIFF -> size < 8 || firstDirectoryMissing(src);
            default -> false;
        };
    }

    /** Whether a TIFF has no first directory; one that reaches beyond the end is an {@link EOFException}. */
    private static boolean firstDirectoryMissing(ByteSource src) throws IOException {
        TiffReader tiff = new TiffReader(src);
        return tiff.directory(tiff.firstDirectory()).isEmpty();
    }

    private static long unsignedLittleEndian(byte[] fourBytes) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(fourBytes).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }
}
