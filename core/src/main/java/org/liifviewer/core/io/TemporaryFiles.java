package org.liifviewer.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The hidden temporary files of {@link AtomicFile} ({@code .NAME.HEX.tmp} beside the target). A file being
 * written is locked by its writer for as long as it exists; one that a killed process ({@code kill -9}, a power
 * cut) left behind is unlocked, and {@link #removeStale} deletes it once it is older than {@link #SAFE_AGE}.
 */
final class TemporaryFiles {

    /** Age below which a temporary file is never touched: its writer may be between creating and locking it. */
    static final Duration SAFE_AGE = Duration.ofMinutes(1);

    private static final Pattern NAME = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");
    /** Temporary files this JVM is writing: never opened by {@link #removeStale}, whose closing would unlock them. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private TemporaryFiles() {
    }

    /** A fresh temporary file name for {@code target}, in {@code folder}. */
    static Path nameFor(Path folder, Path target) {
        return folder.resolve("." + target.getFileName() + "."
                + String.format("%016x", ThreadLocalRandom.current().nextLong()) + ".tmp");
    }

    /** Creates {@code tmp} and locks it for the life of the returned channel. */
    static FileChannel createLocked(Path tmp) throws IOException {
        FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        WRITING.add(tmp);
        try {
            channel.lock();
        } catch (IOException | RuntimeException e) {
            // a file system without locks (some network shares): the safe age alone protects the file
        }
        return channel;
    }

    /** {@code tmp} is no longer being written (it was renamed or removed). */
    static void finished(Path tmp) {
        WRITING.remove(tmp);
    }

    /**
     * Deletes the temporary files in {@code folder} that no live process is writing and that are older than
     * {@link #SAFE_AGE}. Best effort: a file that cannot be examined or deleted is left alone.
     */
    static void removeStale(Path folder) {
        Instant old = Instant.now().minus(SAFE_AGE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path file : files) {
                if (NAME.matcher(file.getFileName().toString()).matches() && !WRITING.contains(file)) {
                    removeIfStale(file, old);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unlistable folder: the next write will try again
        }
    }

    private static void removeIfStale(Path file, Instant old) {
        try {
            if (isOldRegularFile(file, old) && !isLocked(file)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // vanished, or not ours to open: left alone
        }
    }

    private static boolean isOldRegularFile(Path file, Instant old) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(old);
    }

    private static boolean isLocked(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }
}
