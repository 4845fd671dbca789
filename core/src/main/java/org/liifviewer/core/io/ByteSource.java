package org.liifviewer.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/** Bounded random reads from a file or an in-memory block; reading past the end is an {@link EOFException}. */
public interface ByteSource {

    long size() throws IOException;

    /** Exactly {@code length} bytes starting at {@code offset}. */
    byte[] read(long offset, int length) throws IOException;

    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public byte[] read(long offset, int length) throws EOFException {
                if (offset < 0 || length < 0 || offset + length > bytes.length) {
                    throw new EOFException("read of " + length + " bytes at " + offset + " past the end (" + bytes.length + ")");
                }
                return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
            }
        };
    }

    static ByteSource of(FileChannel channel) {
        return new ByteSource() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public byte[] read(long offset, int length) throws IOException {
                if (offset < 0 || length < 0 || offset + length > channel.size()) {
                    throw new EOFException("read of " + length + " bytes at " + offset + " past the end (" + channel.size() + ")");
                }
                ByteBuffer buf = ByteBuffer.allocate(length);
                while (buf.hasRemaining()) {
                    if (channel.read(buf, offset + buf.position()) < 0) {
                        throw new EOFException("file ended at " + (offset + buf.position()));
                    }
                }
                return buf.array();
            }
        };
    }
}
