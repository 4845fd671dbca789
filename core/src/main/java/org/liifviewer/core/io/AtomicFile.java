package org.liifviewer.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file all at once: the content goes to a temporary file in the same directory, which is synced to
 * disk and then renamed over the target. If anything fails (disk full, an exception while writing) the
 * temporary file is removed and the previous file, if any, is left untouched. A temporary file that a killed
 * process left behind is removed by a later write into the same folder ({@link TemporaryFiles}).
 */
public final class AtomicFile {

    /** Writes the whole content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes the whole content through a file channel (for formats that seek back, e.g. TIFF). */
    @FunctionalInterface
    public interface ChannelContent {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Atomically replaces (or creates) {@code target} with what {@code content} writes. */
    public static void write(Path target, Content content) throws IOException {
        writeChannel(target, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            content.writeTo(out);
            out.flush();
        });
    }

    /**
     * Like {@link #write(Path, Content)}, with direct access to the temporary file's channel.
     *
     * @throws java.nio.file.FileSystemException naming {@code target} as given, in plain words, when it cannot be
     *                                           written (see {@link FileChecks#requireWritableTarget}) or the
     *                                           writing fails (a full disk); the content's own failures otherwise
     */
    public static void writeChannel(Path target, ChannelContent content) throws IOException {
        FileChecks.requireWritableTarget(target);
        Path dir = target.toAbsolutePath().getParent();
        TemporaryFiles.removeStale(dir);
        Path tmp = TemporaryFiles.nameFor(dir, target);
        FileChannel ch;
        try {
            ch = TemporaryFiles.createLocked(tmp);
        } catch (IOException e) {
            throw notWritten(target, e);
        }
        boolean moved = false;
        try {
            try (ch) {
                content.writeTo(ch);
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw notWritten(target, e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
            TemporaryFiles.finished(tmp);
        }
    }

    private static FileSystemException notWritten(Path target, IOException cause) {
        FileSystemException e = new FileSystemException(target.toString(), null,
                "could not be written: " + UserMessages.problem(cause));
        e.initCause(cause);
        return e;
    }

    /** Makes the rename itself durable where the platform allows it (POSIX); elsewhere a no-op. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // directories cannot be opened or synced on every platform (e.g. Windows); the rename is done anyway
        }
    }
}
