package org.liifviewer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM told to exit in the middle of an atomic write waits for the write to stop and remove its temporary file. */
class StopOnShutdownTest {

    @TempDir
    Path dir;

    @Test
    void exitDuringAnAtomicWriteLeavesNoFileBehind() throws Exception {
        Path target = dir.resolve("out.png");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ExitWhileWriting.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not exit");
        String output = new String(child.getInputStream().readAllBytes());
        assertEquals(ExitWhileWriting.STATUS, child.exitValue(), output);
        assertTrue(output.contains("temporary file written") && output.contains("write stopped"), output);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** Starts an atomic write, has another thread exit the JVM, and stops writing when the hook asks. */
    public static final class ExitWhileWriting {

        static final int STATUS = 3;

        public static void main(String[] args) throws IOException, InterruptedException {
            AtomicBoolean stop = new AtomicBoolean();
            try (StopOnShutdown hook = new StopOnShutdown(() -> stop.set(true))) {
                try {
                    AtomicFile.write(Path.of(args[0]), out -> {
                        out.write(new byte[100_000]);
                        out.flush();
                        System.out.println("temporary file written");
                        new Thread(() -> System.exit(STATUS)).start();
                        while (!stop.get()) {
                            Thread.onSpinWait();
                        }
                        throw new CancellationException("stopped");
                    });
                } catch (CancellationException e) {
                    System.out.println("write stopped");
                }
            }
            Thread.sleep(60_000);   // the exit completes once the hook has returned
        }
    }
}
