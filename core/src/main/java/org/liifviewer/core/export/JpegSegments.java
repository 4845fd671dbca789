package org.liifviewer.core.export;

import java.io.IOException;
import java.io.OutputStream;

/** Markers and marker segments of a JPEG stream (T.81 B.1.1): {@code FF}, marker code, 16-bit length, body. */
final class JpegSegments {

    static final int SOI = 0xd8;
    static final int EOI = 0xd9;
    static final int APP0 = 0xe0;
    static final int APP1 = 0xe1;
    static final int APP2 = 0xe2;
    static final int DQT = 0xdb;
    static final int SOF0 = 0xc0;
    static final int DHT = 0xc4;
    static final int SOS = 0xda;
    /** Largest body of one segment: the length field counts itself. */
    static final int MAX_BODY = 0xffff - 2;

    private JpegSegments() {
    }

    /** Writes a marker that has no segment (SOI, EOI). */
    static void marker(OutputStream out, int code) throws IOException {
        out.write(0xff);
        out.write(code);
    }

    /** Writes a marker and its segment. */
    static void segment(OutputStream out, int code, byte[] body) throws IOException {
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("JPEG segment of " + body.length + " bytes exceeds " + MAX_BODY);
        }
        int length = body.length + 2;
        out.write(new byte[] {(byte) 0xff, (byte) code, (byte) (length >>> 8), (byte) length});
        out.write(body);
    }
}
