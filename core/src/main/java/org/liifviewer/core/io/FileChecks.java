package org.liifviewer.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks made before a file is opened, so that a bad path fails at once with its name and the problem in plain
 * words ({@code PATH: is a folder, not a file}) instead of an operating-system message naming another file, or a
 * read that blocks forever (a named pipe or a device). The failures are {@link FileSystemException}s whose reason
 * is written for users; {@link UserMessages#describe} shows them as they are.
 */
public final class FileChecks {

    private FileChecks() {
    }

    /**
     * {@code file} exists, is a regular file (after following links) and may be read.
     *
     * @throws FileSystemException naming {@code file} as given: missing, a broken link, a folder, a pipe or
     *                             device, or not readable
     */
    public static void requireReadableFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (Files.isSymbolicLink(file)) {
                throw new NoSuchFileException(file.toString(), null,
                        "a broken link: it points to " + Files.readSymbolicLink(file) + ", which does not exist");
            }
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new FileSystemException(file.toString(), null,
                    "not a regular file (a pipe, socket or device), so it cannot be read");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString(), null, "permission denied: the file cannot be read");
        }
    }

    /**
     * {@code target} can be created or replaced: its folder exists and may be written, and it is not itself a
     * folder.
     *
     * @throws FileSystemException naming {@code target} as given, and its folder where that is the problem
     */
    public static void requireWritableTarget(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder; give a file name to write");
        }
        Path folder = folderOf(target);
        if (!Files.exists(folder)) {
            throw new NoSuchFileException(target.toString(), null, "the folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new FileSystemException(target.toString(), null, folder + " is not a folder");
        }
        if (!Files.isWritable(folder)) {
            throw new AccessDeniedException(target.toString(), null,
                    "permission denied: the folder " + folder + " cannot be written");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new FileSystemException(target.toString(), null,
                    "exists and is not a regular file (a pipe, socket or device); it will not be replaced");
        }
    }

    /**
     * {@code folder} is a folder or does not exist yet (it would be created).
     *
     * @throws FileSystemException naming {@code folder} when it is a file or something else
     */
    public static void requireFolderOrAbsent(Path folder) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new FileSystemException(folder.toString(), null, "exists and is not a folder");
        }
    }

    /** The folder {@code file} is in, as given, or the working directory for a bare file name. */
    static Path folderOf(Path file) {
        Path parent = file.getParent();
        return parent != null ? parent : file.toAbsolutePath().getParent();
    }
}
