package org.liifviewer.core.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.liifviewer.core.io.ByteSource;

/**
 * The EXIF content of the IFD0 of a TIFF structure (an EXIF block or a TIFF file, in either byte order): the
 * descriptive tags, the orientation, and the Exif, GPS and Interoperability sub-directories with all their
 * entries, ready to be re-encoded little-endian at any offset of a target structure. Image-structure tags,
 * thumbnails (IFD1) and other IFD0 tags are not kept.
 *
 * <p>Reading salvages what it can: an entry whose values or sub-directory lie outside the source, whose type is
 * unknown, or which points back to a directory already read is left out; a structure whose header or IFD0
 * cannot be read gives {@link #EMPTY}. A MakerNote (37500) is copied as opaque bytes, so vendor formats that
 * address its contents by absolute offsets may not survive the move.
 */
public final class ExifDirectories {

    /** Nothing kept. */
    public static final ExifDirectories EMPTY = new ExifDirectories(List.of());

    private static final int ORIENTATION = 274;
    /** ImageDescription, Make, Model, Orientation, Software, DateTime, Artist, HostComputer, Copyright. */
    private static final Set<Integer> DESCRIPTIVE_TAGS = Set.of(270, 271, 272, ORIENTATION, 305, 306, 315, 316, 33432);
    private static final long MAX_VALUE_BYTES = 16 << 20;

    private final List<Entry> ifd0;

    private ExifDirectories(List<Entry> ifd0) {
        this.ifd0 = ifd0;
    }

    /**
     * EXIF entries placed in a little-endian target structure.
     *
     * @param ifd0 the entries to add to the target's IFD0
     * @param data the sub-directories and out-of-line values the entries point to, to be written at the base
     *             offset given to {@link #relocate(long)}
     */
    public record Relocated(List<TiffStructure.Entry> ifd0, byte[] data) {
    }

    /** The EXIF content of a raw EXIF block; {@link #EMPTY} when the block is empty or unreadable. */
    public static ExifDirectories parse(byte[] block) {
        return parse(ByteSource.of(block));
    }

    /** The EXIF content of the TIFF structure in {@code src}; {@link #EMPTY} when it is unreadable. */
    static ExifDirectories parse(ByteSource src) {
        try {
            TiffReader reader = new TiffReader(src);
            return new ExifDirectories(new Reading(reader).directory(reader.firstDirectory(), Directory.IFD0));
        } catch (IOException | RuntimeException damaged) {
            return EMPTY;
        }
    }

    /** A copy whose orientation, when there is one, is 1 (normal): for pixels that are already upright. */
    public ExifDirectories withNormalOrientation() {
        Values normal = new Values(ORIENTATION, TiffStructure.SHORT, 1, new byte[] {1, 0});
        return new ExifDirectories(ifd0.stream().map(e -> e.tag() == ORIENTATION ? normal : e).toList());
    }

    /** The entries placed for a target structure whose data area starts at {@code base}, an even offset. */
    public Relocated relocate(long base) {
        Target target = new Target(base);
        List<TiffStructure.Entry> entries = target.place(ifd0);
        return new Relocated(entries, target.data.toByteArray());
    }

    /** A self-contained little-endian EXIF block (header, IFD0, data), or empty bytes when nothing was kept. */
    byte[] block() {
        if (ifd0.isEmpty()) {
            return new byte[0];
        }
        int dataAt = 8 + TiffStructure.directoryBytes(ifd0.size());
        Relocated placed = relocate(dataAt);
        return ByteBuffer.allocate(dataAt + placed.data().length).put(TiffStructure.header(8))
                .put(TiffStructure.directory(placed.ifd0())).put(placed.data()).array();
    }

    /** A kept directory entry. */
    private sealed interface Entry {
        int tag();

        TiffStructure.Entry placeIn(Target target);
    }

    /** An entry with its values as little-endian bytes. */
    private record Values(int tag, int type, int count, byte[] littleEndian) implements Entry {
        @Override
        public TiffStructure.Entry placeIn(Target target) {
            int field = littleEndian.length <= 4
                    ? ByteBuffer.wrap(Arrays.copyOf(littleEndian, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt()
                    : target.append(littleEndian);
            return new TiffStructure.Entry(tag, type, count, field);
        }
    }

    /** An entry pointing to a sub-directory. */
    private record SubDirectory(int tag, List<Entry> entries) implements Entry {
        @Override
        public TiffStructure.Entry placeIn(Target target) {
            byte[] directory = TiffStructure.directory(target.place(entries)).array();
            return new TiffStructure.Entry(tag, TiffStructure.LONG, 1, target.append(directory));
        }
    }

    /** The kinds of directory, which of their entries are kept and which point to sub-directories. */
    private enum Directory {
        IFD0, EXIF, GPS, INTEROPERABILITY;

        boolean keeps(int tag) {
            return this != IFD0 || DESCRIPTIVE_TAGS.contains(tag) || subDirectory(tag).isPresent();
        }

        Optional<Directory> subDirectory(int tag) {
            return Optional.ofNullable(switch (this) {
                case IFD0 -> tag == 34665 ? EXIF : tag == 34853 ? GPS : null;
                case EXIF -> tag == 40965 ? INTEROPERABILITY : null;
                default -> null;
            });
        }
    }

    /** One pass over a source: the directories read so far, to cut loops, and the value bytes still allowed. */
    private static final class Reading {
        private final TiffReader reader;
        private final Set<Long> visited = new HashSet<>();
        private long budget = MAX_VALUE_BYTES;

        Reading(TiffReader reader) {
            this.reader = reader;
        }

        List<Entry> directory(long offset, Directory kind) throws IOException {
            visited.add(offset);
            Set<Integer> tags = new HashSet<>();
            List<Entry> kept = new ArrayList<>();
            for (TiffReader.Entry e : reader.directory(offset)) {
                if (kind.keeps(e.tag()) && tags.add(e.tag())) {
                    salvage(e, kind).ifPresent(kept::add);
                }
            }
            return kept;
        }

        private Optional<Entry> salvage(TiffReader.Entry e, Directory kind) {
            try {
                Optional<Directory> sub = kind.subDirectory(e.tag());
                if (sub.isPresent()) {
                    long offset = reader.number(e);
                    List<Entry> entries = visited.contains(offset) ? List.of() : directory(offset, sub.get());
                    return entries.isEmpty() ? Optional.empty() : Optional.of(new SubDirectory(e.tag(), entries));
                }
                if (e.type() == TiffReader.IFD) {
                    return Optional.empty();   // an unknown sub-directory, which cannot be relocated
                }
                byte[] values = reader.littleEndianValues(e, budget);
                budget -= values.length;
                return Optional.of(new Values(e.tag(), e.type(), (int) e.count(), values));
            } catch (IOException damaged) {
                return Optional.empty();
            }
        }
    }

    /** The data area of a target structure, growing from its base offset. */
    private static final class Target {
        private final long base;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        Target(long base) {
            this.base = base;
        }

        List<TiffStructure.Entry> place(List<Entry> entries) {
            List<TiffStructure.Entry> placed = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                placed.add(e.placeIn(this));
            }
            return placed;
        }

        /** Appends {@code bytes}, keeping the next offset even; returns their offset in the target. */
        int append(byte[] bytes) {
            int at = (int) (base + data.size());
            data.writeBytes(bytes);
            if (data.size() % 2 != 0) {
                data.write(0);
            }
            return at;
        }
    }
}
