package org.liifviewer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.io.UserMessages;
import picocli.CommandLine;

/** A failure is one line naming the command; errors of the JVM itself are worded too. */
class UserErrorHandlerTest {

    @Test
    void outOfMemoryAndUnexpectedFailuresAreOnePlainLine() {
        CommandLine upscale = new CommandLine(new LiifCli()).getSubcommands().get("upscale");
        StringWriter err = new StringWriter();
        upscale.setErr(new PrintWriter(err, true));
        UserErrorHandler handler = new UserErrorHandler();
        assertEquals(1, handler.report(new OutOfMemoryError("Java heap space"), upscale));
        assertEquals(1, handler.report(new IllegalStateException("java.lang.Foo broke"), upscale));
        assertEquals(String.join(System.lineSeparator(), "liif upscale: error: " + UserMessages.OUT_OF_MEMORY,
                "liif upscale: error: " + UserMessages.INTERNAL_ERROR, ""), err.toString());
    }
}
