package org.liifviewer.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.progress.RenderMonitor;
import org.w3c.dom.Node;

/**
 * EXIF through TIFF files: exported TIFFs carry the EXIF directories of the settings, TIFF input yields an EXIF
 * block with them, and damaged blocks never break an export. Blocks are built and read here by a small TIFF
 * writer and reader of the test's own.
 */
class TiffExifTest {

    private static final int BYTE = 1;
    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;
    private static final int UNDEFINED = 7;
    private static final Map<Integer, String> SUB_DIRECTORIES = Map.of(34665, "Exif", 34853, "GPS", 40965, "Interop");

    @TempDir
    Path dir;

    /** A directory entry: {@code units} are its numbers (a RATIONAL is two), or its bytes for BYTE, ASCII, UNDEFINED. */
    private record Field(int tag, int type, long... units) {
        static Field ascii(int tag, String text) {
            byte[] bytes = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
            long[] units = new long[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                units[i] = bytes[i] & 0xff;
            }
            return new Field(tag, ASCII, units);
        }

        int unitBytes() {
            return switch (type) {
                case SHORT -> 2;
                case LONG, RATIONAL -> 4;
                default -> 1;
            };
        }

        int count() {
            return type == RATIONAL ? units.length / 2 : units.length;
        }

        int bytes() {
            return units.length * unitBytes();
        }

        String describe() {
            return type + ":" + Arrays.toString(units);
        }
    }

    /** A directory with its fields and its sub-directories by pointer tag. */
    private record Dir(List<Field> fields, Map<Integer, Dir> subs) {
    }

    /** IFD0 with Make, Model and orientation, an Exif IFD (with Interoperability IFD) and a GPS IFD. */
    private static Dir camera(int orientation) {
        long[] makerNote = new long[40];
        Arrays.setAll(makerNote, i -> (i * 7 + 3) & 0xff);
        Dir interop = new Dir(List.of(Field.ascii(1, "R98")), Map.of());
        Dir exif = new Dir(List.of(
                new Field(33434, RATIONAL, 1, 250),                       // ExposureTime
                new Field(33437, RATIONAL, 28, 10),                       // FNumber
                new Field(34855, SHORT, 400),                             // ISO
                Field.ascii(36867, "2024:05:06 07:08:09"),                // DateTimeOriginal, 20 bytes
                new Field(37500, UNDEFINED, makerNote)), Map.of(40965, interop));
        Dir gps = new Dir(List.of(
                new Field(0, BYTE, 2, 3, 0, 0),                           // GPSVersionID
                Field.ascii(1, "N"),                                      // GPSLatitudeRef
                new Field(2, RATIONAL, 52, 1, 31, 1, 1234, 100)), Map.of());
        return new Dir(List.of(
                new Field(256, LONG, 4000),                               // ImageWidth: not carried
                Field.ascii(271, "Canon"),
                Field.ascii(272, "EOS R5"),
                new Field(274, SHORT, orientation),
                new Field(282, RATIONAL, 72, 1)), Map.of(34665, exif, 34853, gps));   // XResolution: not carried
    }

    /** The fields of {@link #camera} that a TIFF carries, as {@link #fields} describes them. */
    private static Map<String, String> carried(int orientation) {
        Map<String, String> expected = new TreeMap<>();
        describe(camera(orientation), "IFD0", expected);
        expected.remove("IFD0/256");
        expected.remove("IFD0/282");
        return expected;
    }

    private static void describe(Dir d, String name, Map<String, String> out) {
        d.fields().forEach(f -> out.put(name + "/" + f.tag(), f.describe()));
        d.subs().forEach((tag, sub) -> describe(sub, SUB_DIRECTORIES.get(tag), out));
    }

    /** A TIFF structure in {@code order} with {@code ifd0} at offset 8, directories before their values. */
    private static byte[] block(ByteOrder order, Dir ifd0) {
        byte mark = (byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I');
        ByteBuffer b = ByteBuffer.allocate(8192).order(order).put(mark).put(mark).putShort((short) 42).putInt(8);
        write(b, ifd0);
        return Arrays.copyOf(b.array(), b.position());
    }

    private static int write(ByteBuffer b, Dir d) {
        int at = b.position();
        List<Field> entries = new ArrayList<>(d.fields());
        b.position(at + 2 + 12 * (entries.size() + d.subs().size()) + 4);
        d.subs().forEach((tag, sub) -> entries.add(new Field(tag, LONG, write(b, sub))));
        entries.sort(Comparator.comparingInt(Field::tag));
        b.putShort(at, (short) entries.size());
        int e = at + 2;
        for (Field f : entries) {
            b.putShort(e, (short) f.tag()).putShort(e + 2, (short) f.type()).putInt(e + 4, f.count());
            int valueAt = e + 8;
            if (f.bytes() > 4) {
                valueAt = b.position();
                b.putInt(e + 8, valueAt);
                b.position(valueAt + f.bytes() + f.bytes() % 2);
            }
            for (long unit : f.units()) {
                switch (f.unitBytes()) {
                    case 1 -> b.put(valueAt, (byte) unit);
                    case 2 -> b.putShort(valueAt, (short) unit);
                    default -> b.putInt(valueAt, (int) unit);
                }
                valueAt += f.unitBytes();
            }
            e += 12;
        }
        b.putInt(e, 0);
        return at;
    }

    /** Every field of a TIFF structure by "directory/tag", sub-directories followed. */
    private static Map<String, String> fields(byte[] tiff) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        Map<String, String> out = new TreeMap<>();
        read(b, b.getInt(4), "IFD0", out);
        return out;
    }

    private static void read(ByteBuffer b, int at, String name, Map<String, String> out) {
        int n = b.getShort(at) & 0xffff;
        for (int e = at + 2; e < at + 2 + 12 * n; e += 12) {
            int tag = b.getShort(e) & 0xffff;
            int type = b.getShort(e + 2) & 0xffff;
            int count = b.getInt(e + 4);
            if (SUB_DIRECTORIES.containsKey(tag)) {
                read(b, b.getInt(e + 8), SUB_DIRECTORIES.get(tag), out);
                continue;
            }
            Field shape = new Field(tag, type, new long[type == RATIONAL ? 2 * count : count]);
            int valueAt = shape.bytes() > 4 ? b.getInt(e + 8) : e + 8;
            for (int i = 0; i < shape.units().length; i++, valueAt += shape.unitBytes()) {
                shape.units()[i] = switch (shape.unitBytes()) {
                    case 1 -> b.get(valueAt) & 0xff;
                    case 2 -> b.getShort(valueAt) & 0xffff;
                    default -> b.getInt(valueAt) & 0xffffffffL;
                };
            }
            out.put(name + "/" + tag, shape.describe());
        }
    }

    private static FloatImage grey(int h, int w) {
        FloatImage img = FloatImage.zeros(3, h, w);
        Arrays.fill(img.data(), 0.5f);
        return img;
    }

    private Path exportTiff(byte[] exif, String name) throws IOException {
        Path out = dir.resolve(name);
        var settings = new ExportSettings(40, 30, ExportFormat.TIFF, 8, 0.9f, ChromaSampling.FULL_444, exif, null);
        ImageExporter.export(new BicubicImage(grey(6, 8)), null, settings, out, RenderMonitor.NONE);
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void exportedTiffCarriesTheExifDirectories(boolean bigEndian) throws IOException {
        byte[] exif = block(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, camera(6));
        Path out = exportTiff(exif, "exif.tif");

        DecodedImage back = ImageFiles.read(out);
        assertEquals(40, back.width(), "orientation is normal in the export, so the image is not turned");
        Map<String, String> expected = carried(1);
        assertEquals(expected, fields(back.exif()));
        Map<String, String> file = fields(Files.readAllBytes(out));
        assertTrue(file.entrySet().containsAll(expected.entrySet()), "the file's own directories hold the tags");
        assertEquals("4:[40]", file.get("IFD0/256"), "image-structure tags are the exported image's");
    }

    @Test
    void jdkTiffReaderSeesTheExifDirectories() throws IOException {
        Path out = exportTiff(block(ByteOrder.BIG_ENDIAN, camera(6)), "jdk.tif");
        assertNotNull(ImageIO.read(out.toFile()));
        Node root = readWithJdk(out);
        Node exifIfd = find(root, "TIFFIFD", "parentTagNumber", 34665);
        assertNotNull(exifIfd, "TIFFIFD for tag 34665");
        assertNotNull(find(exifIfd, "TIFFField", "number", 33434), "ExposureTime in the Exif IFD");
        assertNotNull(find(exifIfd, "TIFFField", "number", 37500), "MakerNote in the Exif IFD");
        assertNotNull(find(root, "TIFFIFD", "parentTagNumber", 34853), "TIFFIFD for tag 34853");
    }

    /** Decodes {@code file} with the JDK's own TIFF reader and returns its metadata tree in the native format. */
    private static Node readWithJdk(Path file) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getModule() == ImageIO.class.getModule()) {
                try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                    reader.setInput(in);
                    assertEquals(40, reader.read(0).getWidth());
                    return reader.getImageMetadata(0).getAsTree("javax_imageio_tiff_image_1.0");
                } finally {
                    reader.dispose();
                }
            }
            reader.dispose();
        }
        throw new AssertionError("no JDK TIFF reader");
    }

    /** The first node, depth-first, named {@code name} whose {@code attribute} is {@code value}; else null. */
    private static Node find(Node node, String name, String attribute, int value) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node a = c.getAttributes() == null ? null : c.getAttributes().getNamedItem(attribute);
            if (c.getNodeName().equals(name) && a != null && a.getNodeValue().equals(Integer.toString(value))) {
                return c;
            }
            Node deeper = find(c, name, attribute, value);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /** A big-endian TIFF file, 3 rows of 2 grey pixels, with the camera's EXIF in its IFD0: as a camera writes one. */
    private static byte[] cameraTiff() {
        Dir camera = camera(6);
        List<Field> ifd0 = new ArrayList<>(camera.fields());
        ifd0.removeIf(f -> f.tag() == 256);
        ifd0.addAll(List.of(new Field(256, LONG, 2), new Field(257, LONG, 3), new Field(258, SHORT, 8),
                new Field(259, SHORT, 1), new Field(262, SHORT, 1), new Field(273, LONG, 8000),
                new Field(277, SHORT, 1), new Field(278, LONG, 3), new Field(279, LONG, 6)));
        byte[] tiff = Arrays.copyOf(block(ByteOrder.BIG_ENDIAN, new Dir(ifd0, camera.subs())), 8006);
        for (int i = 0; i < 6; i++) {
            tiff[8000 + i] = (byte) (40 * i);
        }
        return tiff;
    }

    @Test
    void tiffInputYieldsAnExifBlockThatOtherFormatsKeep() throws IOException {
        Path in = Files.write(dir.resolve("camera.tif"), cameraTiff());
        DecodedImage source = ImageFiles.read(in);
        assertEquals(3, source.width(), "orientation 6 turned the 2x3 pixels");
        assertEquals(carried(6), fields(source.exif()));
        for (ExportFormat format : ExportFormat.values()) {
            Path out = dir.resolve("from-tiff." + format.extension());
            var settings = new ExportSettings(9, 6, format, 8, 0.9f, ChromaSampling.FULL_444, source.exif(), null);
            ImageExporter.export(new BicubicImage(source.rgb()), null, settings, out, RenderMonitor.NONE);
            DecodedImage back = ImageFiles.read(out);
            assertEquals(9, back.width(), format + " export is upright");
            assertEquals(carried(1), fields(back.exif()), format + " export keeps the camera metadata");
        }
    }

    @Test
    void damagedBlocksGiveTiffsWithoutExif() throws IOException {
        byte[] good = block(ByteOrder.BIG_ENDIAN, camera(6));
        byte[] farIfd0 = good.clone();
        ByteBuffer.wrap(farIfd0).putInt(4, 1 << 30);
        byte[] noise = new byte[300];
        new Random(9).nextBytes(noise);
        List<byte[]> damaged = List.of(Arrays.copyOf(good, 30), farIfd0, noise, "MM".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < damaged.size(); i++) {
            Path out = exportTiff(damaged.get(i), "damaged" + i + ".tif");
            assertEquals(0, ImageFiles.read(out).exif().length, "damaged block " + i);
            assertNull(find(readWithJdk(out), "TIFFIFD", "parentTagNumber", 34665));
        }
    }

    @Test
    void damagedEntriesAndLoopsAreLeftOut() throws IOException {
        Dir loop = new Dir(List.of(Field.ascii(271, "Canon"), Field.ascii(272, "EOS R5")), Map.of(34665,
                new Dir(List.of(new Field(34855, SHORT, 400)), Map.of())));
        byte[] block = block(ByteOrder.LITTLE_ENDIAN, loop);
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        int ifd0 = b.getInt(4);
        b.putInt(ifd0 + 2 + 8, 1 << 20);   // Make's value lies outside the block
        b.putInt(ifd0 + 2 + 24 + 8, ifd0);   // the Exif pointer leads back to IFD0

        Path out = exportTiff(block, "loop.tif");
        Map<String, String> back = fields(ImageFiles.read(out).exif());
        assertEquals(Map.of("IFD0/272", Field.ascii(272, "EOS R5").describe()), back);
        assertNull(find(readWithJdk(out), "TIFFIFD", "parentTagNumber", 34665));
    }
}
