package org.liifviewer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input of the generated {@link HostileCorpus}, run through the command line in-process, is refused at once
 * with one line on stderr that names the file, shows no class name, and leaves nothing in the output folder.
 */
class HostileInputTest {

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jdk|sun|org|com)\\.[a-z]+\\.|Exception");
    private static final Duration HANG = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static Path out;
    private static HostileCorpus corpus;

    @BeforeAll
    static void generate() throws Exception {
        out = Files.createDirectory(dir.resolve("out"));
        corpus = HostileCorpus.generate(Files.createDirectory(dir.resolve("corpus")), out);
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputIsRefusedInOneLineNamingIt() {
        assertTrue(corpus.cases().size() > 60, "corpus of " + corpus.cases().size());
        return corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(HostileCorpus.Case c) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = assertTimeoutPreemptively(HANG, () -> LiifCli.run(c.args().toArray(String[]::new)), c::name);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String err = stderr.toString(StandardCharsets.UTF_8);
        List<String> lines = err.lines().toList();
        assertNotEquals(0, status, err);
        assertEquals(1, lines.size(), "exactly one line: " + err);
        String line = lines.get(0);
        assertTrue(line.contains(c.file().toString()), "names " + c.file() + ": " + line);
        assertFalse(CLASS_NAME.matcher(line).find(), "no class names: " + line);
        assertEquals("", stdout.toString(StandardCharsets.UTF_8), "nothing on stdout");
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "nothing left in the output folder");
        }
    }
}
