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

/**
 * Reading image files: PNG, JPEG, BMP, TIFF, WebP and GIF (first frame) are decoded into exact float planes
 * with the EXIF orientation applied; every failure is an {@link ImageFormatException}. Writing is
 * {@link org.liifviewer.core.export.ImageExporter}'s.
 */
public final class ImageFiles {

    /** Default refusal threshold for the declared pixel count (width × height). */
    public static final long DEFAULT_MAX_PIXELS = 400_000_000L;

    private ImageFiles() {
    }

    /** {@link #read(Path, long)} with {@link #DEFAULT_MAX_PIXELS}. */
    public static DecodedImage read(Path path) throws IOException {
        return read(path, DEFAULT_MAX_PIXELS);
    }

    /**
     * Decodes an image file. The declared size is checked against {@code maxPixels} before any pixel
     * is decoded, so decompression bombs are refused without allocating.
     *
     * @throws ImageFormatException not an image, unsupported format, truncated or corrupt data, too large
     * @throws IOException          the file cannot be read at all (missing, no permission)
     */
    public static DecodedImage read(Path path, long maxPixels) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
             ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            return read(ByteSource.of(channel), in, path.toString(), maxPixels);
        }
    }

    /**
     * Decodes an image from a stream (e.g. a class-path resource), read to its end, as {@link #read(Path)} does a
     * file; {@code name} stands for it in messages.
     */
    public static DecodedImage read(InputStream stream, String name) throws IOException {
        byte[] bytes = stream.readAllBytes();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            return read(ByteSource.of(bytes), in, name, DEFAULT_MAX_PIXELS);
        }
    }

    private static DecodedImage read(ByteSource src, ImageInputStream in, String path, long maxPixels)
            throws IOException {
        if (src.size() == 0) {
            throw new ImageFormatException("not an image: " + path + " is empty");
        }
        ContainerFormat container = ContainerFormat.sniff(
                src.read(0, (int) Math.min(src.size(), ContainerFormat.SNIFF_BYTES)));
        EmbeddedMetadata metadata = EmbeddedMetadata.read(src, container);
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageFormatException(container == ContainerFormat.UNKNOWN
                    ? "not an image: " + path
                    : "unsupported format: " + path + " (" + container.name().toLowerCase(Locale.ROOT) + ")");
        }
        ImageReader reader = readers.next();
        try {
            RasterPlanes planes = RasterPlanes.of(decode(reader, in, path, maxPixels));
            ExifOrientation orientation = metadata.orientation();
            String format = container == ContainerFormat.UNKNOWN || container == ContainerFormat.OTHER_IMAGE
                    ? reader.getFormatName().toLowerCase(Locale.ROOT)
                    : container.name().toLowerCase(Locale.ROOT);
            return new DecodedImage(orientation.apply(planes.rgb()),
                    Optional.ofNullable(planes.alpha()).map(orientation::apply),
                    planes.bitDepth(), planes.grayscale(), metadata.exif(), metadata.iccProfile(), format);
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage decode(ImageReader reader, ImageInputStream in, String path, long maxPixels)
            throws ImageFormatException {
        List<String> warnings = new ArrayList<>();
        try {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new ImageFormatException("corrupt image: " + path + " declares size " + width + "x" + height);
            }
            if (width * height > maxPixels) {
                throw new ImageFormatException("image too large: " + width + "×" + height + " exceeds limit of "
                        + maxPixels + " pixels (" + path + ")");
            }
            BufferedImage img = reader.read(0);
            if (warnings.stream().anyMatch(ImageFiles::meansTruncated)) {
                throw new ImageFormatException("truncated: " + path + " (" + String.join("; ", warnings) + ")");
            }
            return img;
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (isTruncation(e)) {
                throw new ImageFormatException("truncated: " + path, e);
            }
            throw new ImageFormatException("corrupt image: " + path + " (" + e + ")", e);
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
