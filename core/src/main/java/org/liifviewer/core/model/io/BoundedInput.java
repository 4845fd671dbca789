package org.liifviewer.core.model.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.liifviewer.core.model.ModelFormatException;

/**
 * Sequential reads from a stream of known length. Every size read from the file is checked against the bytes
 * that remain before anything is allocated, so a hostile size field fails cleanly instead of exhausting memory.
 */
final class BoundedInput {

    private final InputStream in;
    private final long length;
    private long position;

    BoundedInput(InputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    long position() {
        return position;
    }

    long remaining() {
        return length - position;
    }

    int readUnsignedByte() throws IOException {
        require(1);
        int b = in.read();
        if (b < 0) {
            throw truncated();
        }
        position++;
        return b;
    }

    /** Exactly {@code n} bytes. */
    byte[] readBytes(long n) throws IOException {
        require(n);
        if (n > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException("a single block of " + n + " bytes is too large to load");
        }
        byte[] b = in.readNBytes((int) n);
        if (b.length != n) {
            throw truncated();
        }
        position += n;
        return b;
    }

    /** Exactly {@code n} bytes as a little-endian buffer. */
    ByteBuffer readBuffer(long n) throws IOException {
        return ByteBuffer.wrap(readBytes(n)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** An unsigned little-endian integer of {@code n} (1 to 8) bytes; 8-byte values must not exceed Long.MAX_VALUE. */
    long readUnsignedLE(int n) throws IOException {
        byte[] b = readBytes(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        if (v < 0) {
            throw new ModelFormatException("size field " + Long.toUnsignedString(v) + " at byte " + (position - n)
                    + " is impossibly large");
        }
        return v;
    }

    void skip(long n) throws IOException {
        require(n);
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw truncated();
        }
        position += n;
    }

    private void require(long n) throws ModelFormatException {
        if (n < 0 || n > remaining()) {
            throw new ModelFormatException("needs " + n + " bytes at byte " + position + " but only " + remaining()
                    + " remain: the file is truncated or corrupt");
        }
    }

    private ModelFormatException truncated() {
        return new ModelFormatException("the data ends unexpectedly at byte " + position + ": the file is truncated");
    }
}
