package org.liifviewer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM that exits in the middle of an atomic write leaves neither the target nor its temporary file. */
class AtomicFileShutdownTest {

    @TempDir
    Path dir;

    @Test
    void exitWhileWritingRemovesTheTemporaryFile() throws Exception {
        Path target = dir.resolve("out.png");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ExitWhileWriting.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not exit");
        String output = new String(child.getInputStream().readAllBytes());
        assertEquals(ExitWhileWriting.STATUS, child.exitValue(), output);
        assertTrue(output.contains("temporary file written"), "the write had begun: " + output);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** Starts an atomic write and exits the JVM halfway through it, as Ctrl-C would. */
    public static final class ExitWhileWriting {

        static final int STATUS = 3;

        public static void main(String[] args) throws IOException {
            AtomicFile.write(Path.of(args[0]), out -> {
                out.write(new byte[100_000]);
                out.flush();
                System.out.println("temporary file written");
                System.out.flush();
                System.exit(STATUS);
            });
        }
    }
}
