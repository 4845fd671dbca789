package org.liifviewer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad paths fail before anything is opened, naming the path as given (pipes: the CLI's HostileInputTest). */
class FileChecksTest {

    @TempDir
    Path dir;

    @Test
    void inputsMustBeReadableRegularFiles() throws IOException {
        Path file = Files.writeString(dir.resolve("a.png"), "x");
        FileChecks.requireReadableFile(file);
        assertProblem(dir.resolve("missing.png"), "no such file");
        assertProblem(dir, "is a folder, not a file");
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), dir.resolve("gone.png"));
        assertProblem(link, "a broken link: it points to " + dir.resolve("gone.png") + ", which does not exist");
    }

    @Test
    void outputsNeedAWritableFolder() throws IOException {
        FileChecks.requireWritableTarget(dir.resolve("out.png"));
        Path missing = dir.resolve("nowhere").resolve("out.png");
        assertEquals(missing + ": the folder " + missing.getParent() + " does not exist",
                assertThrows(IOException.class, () -> FileChecks.requireWritableTarget(missing)).getMessage());
        Path folder = Files.createDirectory(dir.resolve("out.png.d"));
        assertEquals(folder + ": is a folder; give a file name to write",
                assertThrows(IOException.class, () -> FileChecks.requireWritableTarget(folder)).getMessage());
        Path file = Files.writeString(dir.resolve("eval"), "x");
        assertEquals(file + ": exists and is not a folder",
                assertThrows(IOException.class, () -> FileChecks.requireFolderOrAbsent(file)).getMessage());
        FileChecks.requireFolderOrAbsent(dir.resolve("new"));
    }

    private static void assertProblem(Path file, String problem) {
        assertEquals(file + ": " + problem,
                assertThrows(IOException.class, () -> FileChecks.requireReadableFile(file)).getMessage());
    }
}
