package org.liifviewer.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.liifviewer.core.io.ByteSource;
import org.liifviewer.core.io.FileChecks;

/**
 * Reading image files: PNG, JPEG, BMP, TIFF, WebP and GIF (first frame) are decoded into exact float planes
 * with the EXIF orientation applied; every failure is an {@link ImageFormatException}. Writing is
 * {@link org.liifviewer.core.export.ImageExporter}'s.
 */
public final class ImageFiles {

    private static final String READABLE = "PNG, JPEG, TIFF, WebP, BMP and GIF";

    /** Default refusal threshold for the declared pixel count (width × height). */
    public static final long DEFAULT_MAX_PIXELS = 400_000_000L;

    private ImageFiles() {
    }

    /** {@link #read(Path, long)} with {@link #DEFAULT_MAX_PIXELS}. */
    public static DecodedImage read(Path path) throws IOException {
        return read(path, DEFAULT_MAX_PIXELS);
    }

    /**
     * Decodes an image file. The declared size is checked before any pixel is decoded (against {@code maxPixels},
     * the file's size and the free memory), so decompression bombs and forged headers are refused without
     * allocating; a picture whose data ends early is refused after decoding.
     *
     * @throws ImageFormatException not an image, unsupported format, truncated or corrupt data, too large; the
     *                              message is {@code PATH: problem} in a user's words
     * @throws IOException          the file cannot be read at all (missing, a folder, a pipe, no permission),
     *                              see {@link FileChecks#requireReadableFile}
     */
    public static DecodedImage read(Path path, long maxPixels) throws IOException {
        FileChecks.requireReadableFile(path);
        Container container;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            container = Container.of(path.toString(), ByteSource.of(channel));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            return read(in, path.toString(), container, maxPixels);
        }
    }

    /**
     * Decodes an image from a stream (e.g. a class-path resource), read to its end, as {@link #read(Path)} does a
     * file; {@code name} stands for it in messages.
     */
    public static DecodedImage read(InputStream stream, String name) throws IOException {
        byte[] bytes = stream.readAllBytes();
        Container container = Container.of(name, ByteSource.of(bytes));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            return read(in, name, container, DEFAULT_MAX_PIXELS);
        }
    }

    private static DecodedImage read(ImageInputStream in, String name, Container container, long maxPixels)
            throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageFormatException(name, container.format() == ContainerFormat.UNKNOWN
                    ? "not an image (" + READABLE + " can be read)"
                    : "this kind of image cannot be read (" + READABLE + " can)");
        }
        ImageReader reader = readers.next();
        try {
            RasterPlanes planes = RasterPlanes.of(decode(reader, in, name, container, maxPixels));
            ExifOrientation orientation = container.metadata().orientation();
            ContainerFormat format = container.format();
            String formatName = format == ContainerFormat.UNKNOWN || format == ContainerFormat.OTHER_IMAGE
                    ? reader.getFormatName().toLowerCase(Locale.ROOT)
                    : format.name().toLowerCase(Locale.ROOT);
            return new DecodedImage(orientation.apply(planes.rgb()),
                    Optional.ofNullable(planes.alpha()).map(orientation::apply), planes.bitDepth(),
                    planes.grayscale(), container.metadata().exif(), container.metadata().iccProfile(), formatName);
        } catch (RuntimeException e) {
            throw new ImageFormatException(name, container.damaged(), e);
        } finally {
            reader.dispose();
        }
    }

    /** What the file's first bytes and end say: its format, metadata, size and whether it was cut short. */
    private record Container(ContainerFormat format, EmbeddedMetadata metadata, long size, boolean cutShort) {

        static Container of(String path, ByteSource src) throws IOException {
            long size = src.size();
            if (size == 0) {
                throw new ImageFormatException(path, "the file is empty");
            }
            ContainerFormat format = ContainerFormat.sniff(src.read(0, (int) Math.min(size, ContainerFormat.SNIFF_BYTES)));
            return new Container(format, EmbeddedMetadata.read(src, format), size, FileEnding.isCutShort(src, format));
        }

        String truncated() {
            return "the image data is cut short (truncated " + format.label() + ")";
        }

        String damaged() {
            return cutShort ? truncated() : "the image data is damaged (corrupt " + format.label() + ")";
        }
    }

    private static BufferedImage decode(ImageReader reader, ImageInputStream in, String path, Container container,
                                        long maxPixels) throws ImageFormatException {
        List<String> warnings = new ArrayList<>();
        RowCoverage rows = new RowCoverage();
        try {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.addIIOReadUpdateListener(rows);
            DeclaredSize.check(path, container.format(), reader.getWidth(0), reader.getHeight(0), container.size(),
                    maxPixels);
            BufferedImage img = reader.read(0);
            if (warnings.stream().anyMatch(ImageFiles::meansTruncated)) {
                throw new ImageFormatException(path, container.truncated());
            }
            int decoded = rows.decodedRows(img.getHeight());
            if (decoded < img.getHeight()) {
                throw new ImageFormatException(path, "the image data stops after " + decoded + " of "
                        + img.getHeight() + " rows (" + (container.cutShort() ? "truncated " : "damaged ")
                        + container.format().label() + ")");
            }
            return img;
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageFormatException(path, isTruncation(e) ? container.truncated() : container.damaged(), e);
        }
    }

    private static boolean meansTruncated(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("premature end") || m.contains("truncat") || m.contains("unexpected end");
    }

    private static boolean isTruncation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || t.getMessage() != null && meansTruncated(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
