package org.liifviewer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("keep.png"), "old content");
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("encoder failed");
        }));
        assertEquals("old content", Files.readString(target));
        assertEquals(1, countFiles());

        Path occupied = Files.createDirectories(dir.resolve("occupied.png"));
        Files.writeString(occupied.resolve("inside"), "x");
        assertThrows(IOException.class, () -> AtomicFile.write(occupied, out -> out.write(1)));
        assertTrue(Files.isDirectory(occupied));
        assertEquals(2, countFiles());

        AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("new", Files.readString(target), "a successful write replaces the old file");
        assertEquals(2, countFiles());
    }

    @Test
    void staleTemporaryFilesOfKilledWritesAreRemovedByTheNextWrite() throws Exception {
        FileTime old = FileTime.from(Instant.now().minus(TemporaryFiles.SAFE_AGE).minusSeconds(5));
        Path killed = Files.writeString(dir.resolve(".out.png.00c0ffee00c0ffee.tmp"), "half an image");
        Path recent = Files.writeString(dir.resolve(".out.png.0123456789abcdef.tmp"), "being created");
        Path notOurs = Files.writeString(dir.resolve(".notes.tmp"), "someone else's");
        Path locked = Files.writeString(dir.resolve(".other.png.fedcba9876543210.tmp"), "being written");
        for (Path p : new Path[] {killed, notOurs, locked}) {
            Files.setLastModifiedTime(p, old);
        }
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldLock.class.getName(), locked.toString()).start();
        try {
            assertEquals(HoldLock.READY, new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine(), "the other process holds its lock");
            AtomicFile.write(dir.resolve("out.png"), out -> out.write(1));
        } finally {
            writer.getOutputStream().close();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(killed), "left by a killed process: removed");
        assertTrue(Files.exists(recent), "too young to judge: kept");
        assertTrue(Files.exists(notOurs), "not our naming: kept");
        assertTrue(Files.exists(locked), "locked by a live writer: kept");
    }

    /** Another process writing a temporary file: locks it, says so, and holds the lock until stdin closes. */
    public static final class HoldLock {

        static final String READY = "locked";

        public static void main(String[] args) throws IOException {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                System.out.println(READY);
                System.out.flush();
                System.in.read();
            }
        }
    }

    @Test
    void aMissingFolderIsNamedWithTheTargetNotTheTemporaryFile() {
        Path target = dir.resolve("gone").resolve("out.png");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> out.write(1)));
        assertEquals(target + ": the folder " + target.getParent() + " does not exist", e.getMessage());
    }

    private long countFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
