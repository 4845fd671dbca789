package org.liifviewer.training.data;

import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The training images of one or more folders: every PNG/JPEG file, sorted by path within each folder, folders in
 * the given order. Grayscale sources arrive as RGB; 8-bit only. With {@code cache}, each image is decoded once and
 * kept in memory (12 bytes per pixel; what the official configs do with {@code cache: in_memory}), otherwise it is
 * decoded on every use.
 */
public final class ImageFolders {

    private final List<Path> files;
    private final Map<Integer, FloatImage> cache;

    public ImageFolders(List<Path> folders, boolean cache) throws IOException {
        this.cache = cache ? new ConcurrentHashMap<>() : null;
        List<Path> all = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(ImageFolders::isImage).sorted().forEach(all::add);
            }
        }
        if (all.isEmpty()) {
            throw new IOException("no PNG or JPEG images in " + folders);
        }
        this.files = List.copyOf(all);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    public int size() {
        return files.size();
    }

    public Path path(int index) {
        return files.get(index);
    }

    /** Width x height of image number {@code index}, read from the file's header (or the cache) without decoding it. */
    public long pixelCount(int index) throws IOException {
        FloatImage cached = cache == null ? null : cache.get(index);
        if (cached != null) {
            return (long) cached.width() * cached.height();
        }
        Path file = files.get(index);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not a readable PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The RGB image number {@code index}, values k/255. */
    public FloatImage read(int index) throws IOException {
        if (cache == null) {
            return decode(index);
        }
        FloatImage cached = cache.get(index);
        if (cached == null) {
            cached = decode(index);
            cache.put(index, cached);
        }
        return cached;
    }

    private FloatImage decode(int index) throws IOException {
        DecodedImage image = ImageFiles.read(files.get(index));
        if (image.bitDepth() != 8) {
            throw new IOException(files.get(index) + ": training needs 8-bit images, got " + image.bitDepth() + " bits");
        }
        return image.rgb();
    }
}
