package org.liifviewer.training.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A test set on disk in the EDSR / LIIF layout: {@code HR/<stem>.<ext>} and, optionally,
 * {@code LR_bicubic/X<s>/<stem>x<s>.<ext>}. The official DIV2K folder names ({@code DIV2K_valid_HR},
 * {@code DIV2K_valid_LR_bicubic}) are accepted too.
 *
 * @param name   the set's folder name, e.g. {@code Set5}
 * @param images HR images sorted by file name
 * @param lrRoot the {@code LR_bicubic} folder, or null when the set has none
 */
public record EvalSet(String name, List<Image> images, Path lrRoot) {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp");

    /**
     * One HR image.
     *
     * @param stem file name without extension
     * @param hr   the file
     */
    public record Image(String stem, Path hr) {
    }

    public EvalSet {
        images = List.copyOf(images);
    }

    /**
     * Reads the layout of {@code dir}.
     *
     * @throws IOException naming the problem: a missing folder, no HR folder (listing the sets found inside
     *                     when {@code dir} is a parent of several sets), no images
     */
    public static EvalSet open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("data set folder not found: " + dir);
        }
        Path hrDir = child(dir, "HR").orElseThrow(() -> notASet(dir));
        List<Image> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(hrDir)) {
            files.filter(EvalSet::isImage).sorted().forEach(p -> images.add(new Image(stem(p), p)));
        }
        if (images.isEmpty()) {
            throw new IOException("no images in " + hrDir);
        }
        return new EvalSet(dir.toAbsolutePath().normalize().getFileName().toString(), images,
                child(dir, "LR_bicubic").orElse(null));
    }

    /** The first {@code n} images (all when {@code n} is 0 or at least the set's size). */
    public List<Image> first(int n) {
        return n == 0 || n >= images.size() ? images : images.subList(0, n);
    }

    /** The provided LR file of {@code image} at {@code scale}, if the set has one. */
    public Optional<Path> lrFile(Image image, int scale) {
        if (lrRoot == null) {
            return Optional.empty();
        }
        Path dir = lrRoot.resolve("X" + scale);
        String base = image.stem() + "x" + scale;
        return Stream.of(base + ".png", base + "." + extension(image.hr()))
                .map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    /** {@code dir/<suffix>} or the single {@code dir/*_<suffix>} folder. */
    private static Optional<Path> child(Path dir, String suffix) throws IOException {
        Path plain = dir.resolve(suffix);
        if (Files.isDirectory(plain)) {
            return Optional.of(plain);
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> named = children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().endsWith("_" + suffix)).toList();
            return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
        }
    }

    private static IOException notASet(Path dir) {
        List<String> sets = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path c : children.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isDirectory(c.resolve("HR"))) {
                    sets.add(c.getFileName().toString());
                }
            }
        } catch (IOException ignored) {
            // the message below is still right, only without the list
        }
        return new IOException("not a data set (no HR folder): " + dir
                + (sets.isEmpty() ? "" : "; sets inside: " + String.join(", ", sets)
                + " (pass e.g. " + dir.resolve(sets.get(0)) + ", or a comma list)"));
    }

    private static boolean isImage(Path p) {
        return Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")
                && IMAGE_EXTENSIONS.contains(extension(p));
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
