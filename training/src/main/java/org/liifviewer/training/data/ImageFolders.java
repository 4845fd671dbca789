package org.liifviewer.training.data;

import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.image.MatlabImresize;

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
 * the given order. A folder may be read at a reduced size ({@link Folder#factor()}): each image is then
 * down-scaled with MATLAB's bicubic {@code imresize} and rounded to 8 bits, as the usual multi-scale copies of
 * DIV2K are made. Grayscale sources arrive as RGB; 8-bit only. With {@code cache}, each image is decoded once and
 * kept in memory as its 8-bit levels (3 bytes per pixel; what the official configs do with {@code cache: in_memory}),
 * otherwise it is decoded on every use.
 */
public final class ImageFolders {

    /** A folder of images, used at {@code factor} (0 &lt; factor &le; 1) times their stored size. */
    public record Folder(Path path, double factor) {
        public Folder {
            if (!(factor > 0 && factor <= 1)) {
                throw new IllegalArgumentException("a folder's size factor must lie in (0, 1], got " + factor);
            }
        }

        /** Folders used at their stored size. */
        public static List<Folder> asStored(List<Path> paths) {
            return paths.stream().map(p -> new Folder(p, 1)).toList();
        }
    }

    private record Entry(Path file, double factor) {
    }

    /** An image's size in pixels. */
    public record Size(int width, int height) {
        public long pixels() {
            return (long) width * height;
        }
    }

    private final List<Entry> entries;
    private final Map<Integer, TrainingImage> cache;

    public ImageFolders(List<Folder> folders, boolean cache) throws IOException {
        this.cache = cache ? new ConcurrentHashMap<>() : null;
        List<Entry> all = new ArrayList<>();
        for (Folder folder : folders) {
            try (Stream<Path> s = Files.list(folder.path())) {
                s.filter(ImageFolders::isImage).sorted().forEach(file -> all.add(new Entry(file, folder.factor())));
            }
        }
        if (all.isEmpty()) {
            throw new IOException("no PNG or JPEG images in " + folders.stream().map(Folder::path).toList());
        }
        this.entries = List.copyOf(all);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    public int size() {
        return entries.size();
    }

    /**
     * Width x height of image number {@code index} as used (after its folder's factor), read from the file's header
     * (or the cache) without decoding it.
     */
    public long pixelCount(int index) throws IOException {
        return size(index).pixels();
    }

    /** The file of image number {@code index}. */
    public Path file(int index) {
        return entries.get(index).file();
    }

    /**
     * The size of image number {@code index} as used (after its folder's factor), read from the file's header (or the
     * cache) without decoding it.
     */
    public Size size(int index) throws IOException {
        TrainingImage cached = cache == null ? null : cache.get(index);
        if (cached != null) {
            return new Size(cached.width(), cached.height());
        }
        Entry entry = entries.get(index);
        try (ImageInputStream in = ImageIO.createImageInputStream(entry.file().toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(entry.file() + ": not a readable PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Size(MatlabImresize.outputSize(reader.getWidth(0), entry.factor()),
                        MatlabImresize.outputSize(reader.getHeight(0), entry.factor()));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The RGB image number {@code index} (after its folder's factor). */
    public TrainingImage read(int index) throws IOException {
        if (cache == null) {
            return decode(index);
        }
        TrainingImage cached = cache.get(index);
        if (cached == null) {
            cached = decode(index);
            cache.put(index, cached);
        }
        return cached;
    }

    private TrainingImage decode(int index) throws IOException {
        Entry entry = entries.get(index);
        DecodedImage image = ImageFiles.read(entry.file());
        if (image.bitDepth() != 8) {
            throw new IOException(entry.file() + ": training needs 8-bit images, got " + image.bitDepth() + " bits");
        }
        TrainingImage stored = TrainingImage.of(image.rgb());
        return entry.factor() == 1 ? stored : stored.resized(entry.factor());
    }
}
