package org.liifviewer.core.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the entropy-coded data of a scan: bit strings most significant bit first, a {@code 00} byte stuffed
 * after every {@code FF} byte (T.81 F.1.2.3) and the last byte padded with 1-bits. Bytes leave through a
 * fixed-size buffer.
 */
final class JpegBitWriter {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int buffered;
    private long bits;
    private int pendingBits;

    JpegBitWriter(OutputStream out) {
        this.out = out;
    }

    /** Appends the low {@code length} bits of {@code value} (at most 32; higher bits of value must be 0). */
    void write(int value, int length) throws IOException {
        bits = (bits << length) | (value & 0xffffffffL);
        pendingBits += length;
        while (pendingBits >= 8) {
            pendingBits -= 8;
            int b = (int) (bits >>> pendingBits) & 0xff;
            put(b);
            if (b == 0xff) {
                put(0);
            }
        }
    }

    /** Pads the last byte with 1-bits and hands all bytes to the stream. */
    void finish() throws IOException {
        if (pendingBits > 0) {
            int pad = 8 - pendingBits;
            write((1 << pad) - 1, pad);
        }
        out.write(buffer, 0, buffered);
        buffered = 0;
    }

    private void put(int b) throws IOException {
        if (buffered == buffer.length) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
        buffer[buffered++] = (byte) b;
    }
}
