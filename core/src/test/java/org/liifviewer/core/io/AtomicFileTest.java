package org.liifviewer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private long countFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
