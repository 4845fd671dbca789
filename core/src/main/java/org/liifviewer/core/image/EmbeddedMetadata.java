package org.liifviewer.core.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.liifviewer.core.io.ByteSource;

/**
 * Raw EXIF and ICC blocks found in a JPEG, PNG, WebP or TIFF container, and the EXIF orientation.
 * Reading is best effort: a damaged or missing block yields empty bytes and {@link ExifOrientation#NORMAL};
 * whether the file is a usable image is decided by the pixel decoder, not here.
 *
 * @param exif        TIFF-structured EXIF block: as embedded (JPEG/PNG/WebP), or built from a TIFF file's IFD0
 *                    (descriptive tags, orientation, Exif/GPS sub-directories; see {@link ExifDirectories}); empty
 *                    when there is none
 * @param iccProfile  embedded ICC profile, or empty
 * @param orientation pixel transform that makes the image upright
 */
record EmbeddedMetadata(byte[] exif, byte[] iccProfile, ExifOrientation orientation) {

    static final EmbeddedMetadata NONE = new EmbeddedMetadata(new byte[0], new byte[0], ExifOrientation.NORMAL);

    private static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC_PREFIX = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_BLOCKS = 10_000;
    private static final int MAX_BLOCK_BYTES = 16 << 20;

    /** Reads the metadata of a file whose container was recognised as {@code format}. */
    static EmbeddedMetadata read(ByteSource src, ContainerFormat format) {
        try {
            return switch (format) {
                case JPEG -> fromJpeg(src);
                case PNG -> fromPng(src);
                case WEBP -> fromWebp(src);
                case TIFF -> fromTiff(src);
                default -> NONE;
            };
        } catch (IOException | RuntimeException damaged) {
            return NONE;
        }
    }

    private static EmbeddedMetadata fromBlocks(byte[] exif, byte[] icc) {
        ExifOrientation orientation = ExifOrientation.NORMAL;
        if (exif.length > 0) {
            try {
                orientation = ExifOrientation.fromTag(TiffDirectory.parse(ByteSource.of(exif)).orientation());
            } catch (IOException | RuntimeException damaged) {
                orientation = ExifOrientation.NORMAL;
            }
        }
        return new EmbeddedMetadata(exif, icc, orientation);
    }

    private static EmbeddedMetadata fromTiff(ByteSource src) throws IOException {
        TiffDirectory ifd0 = TiffDirectory.parse(src);
        return new EmbeddedMetadata(ExifDirectories.parse(src).block(), ifd0.iccProfile(),
                ExifOrientation.fromTag(ifd0.orientation()));
    }

    /**
     * JPEG segments before the scan: the first APP1 "Exif\0\0" payload (prefix removed) and the ICC
     * profile split over APP2 "ICC_PROFILE" segments, joined in sequence order.
     */
    private static EmbeddedMetadata fromJpeg(ByteSource src) throws IOException {
        byte[] exif = new byte[0];
        TreeMap<Integer, byte[]> iccChunks = new TreeMap<>();
        for (long pos = 2, n = 0; n < MAX_BLOCKS; n++) {
            byte[] head = src.read(pos, 4);
            int marker = head[1] & 0xFF;
            if ((head[0] & 0xFF) != 0xFF || marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            if (marker == 0xE1 && exif.length == 0 || marker == 0xE2) {
                byte[] payload = src.read(pos + 4, Math.max(0, length - 2));
                if (marker == 0xE1 && startsWith(payload, EXIF_PREFIX)) {
                    exif = Arrays.copyOfRange(payload, EXIF_PREFIX.length, payload.length);
                } else if (marker == 0xE2 && startsWith(payload, ICC_PREFIX) && payload.length > ICC_PREFIX.length + 2) {
                    int sequence = payload[ICC_PREFIX.length] & 0xFF;
                    iccChunks.put(sequence, Arrays.copyOfRange(payload, ICC_PREFIX.length + 2, payload.length));
                }
            }
            pos += 2 + length;
        }
        ByteArrayOutputStream icc = new ByteArrayOutputStream();
        iccChunks.values().forEach(icc::writeBytes);
        return fromBlocks(exif, icc.toByteArray());
    }

    /** PNG chunks before the first IDAT: eXIf (raw EXIF) and iCCP (zlib-compressed profile). */
    private static EmbeddedMetadata fromPng(ByteSource src) throws IOException {
        byte[] exif = new byte[0];
        byte[] icc = new byte[0];
        for (long pos = 8, n = 0; n < MAX_BLOCKS; n++) {
            ByteBuffer head = ByteBuffer.wrap(src.read(pos, 8));
            long length = Integer.toUnsignedLong(head.getInt(0));
            String type = new String(src.read(pos + 4, 4), StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT") || type.equals("IEND") || length > MAX_BLOCK_BYTES) {
                break;
            }
            if (type.equals("eXIf")) {
                exif = stripExifPrefix(src.read(pos + 8, (int) length));
            } else if (type.equals("iCCP")) {
                icc = pngIccProfile(src.read(pos + 8, (int) length));
            }
            pos += 12 + length;
        }
        return fromBlocks(exif, icc);
    }

    private static byte[] pngIccProfile(byte[] chunk) throws IOException {
        int nul = 0;
        while (nul < chunk.length && chunk[nul] != 0) {
            nul++;
        }
        int start = nul + 2; // name, NUL, compression method byte
        if (start > chunk.length) {
            throw new IOException("iCCP chunk without profile");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(chunk, start, chunk.length - start);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int got = inflater.inflate(buf);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("iCCP profile truncated");
                }
                out.write(buf, 0, got);
                if (out.size() > MAX_BLOCK_BYTES) {
                    throw new IOException("iCCP profile too large");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("iCCP profile corrupt", e);
        } finally {
            inflater.end();
        }
    }

    /** RIFF chunks of a WebP file: "EXIF" and "ICCP". */
    private static EmbeddedMetadata fromWebp(ByteSource src) throws IOException {
        byte[] exif = new byte[0];
        byte[] icc = new byte[0];
        long end = Math.min(src.size(), 8 + Integer.toUnsignedLong(
                ByteBuffer.wrap(src.read(4, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt()));
        for (long pos = 12, n = 0; pos + 8 <= end && n < MAX_BLOCKS; n++) {
            byte[] head = src.read(pos, 8);
            String type = new String(head, 0, 4, StandardCharsets.ISO_8859_1);
            long length = Integer.toUnsignedLong(ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
            if (type.equals("EXIF") && length <= MAX_BLOCK_BYTES) {
                exif = stripExifPrefix(src.read(pos + 8, (int) length));
            } else if (type.equals("ICCP") && length <= MAX_BLOCK_BYTES) {
                icc = src.read(pos + 8, (int) length);
            }
            pos += 8 + length + (length & 1);
        }
        return fromBlocks(exif, icc);
    }

    private static byte[] stripExifPrefix(byte[] block) {
        return startsWith(block, EXIF_PREFIX) ? Arrays.copyOfRange(block, EXIF_PREFIX.length, block.length) : block;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
