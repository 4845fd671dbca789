package org.liifviewer.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One {@code liif} command line run in the test's JVM, with what it printed on stdout and stderr. */
record ToolRun(int status, String out, String err) {

    /** Runs {@code args} through {@link LiifTools#run}, capturing both streams. */
    static ToolRun of(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = LiifTools.run(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new ToolRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code args}, which must fail with exit status 1 and one line on stderr without an exception's name. */
    static String refusal(String... args) {
        ToolRun run = of(args);
        assertEquals(1, run.status(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        return run.err();
    }

    /** The last line of stdout (a command's JSON summary). */
    String lastLine() {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }
}
