package org.liifviewer.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Reports a failed command as one clear line on stderr ({@code liif: error: ...}) with a non-zero status;
 * the stack trace is printed only when {@code LIIF_DEBUG} is set.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        Throwable shown = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        if (shown instanceof OutOfMemoryError) {
            message = "out of memory: " + message + " (try a smaller output size or more heap: LIIF_JAVA_OPTS=-Xmx16g)";
        } else if (!(shown instanceof IOException) && !(shown instanceof IllegalArgumentException)) {
            message = shown.getClass().getSimpleName() + ": " + message;
        }
        cmd.getErr().println("liif " + cmd.getCommandName() + ": error: " + message);
        if (System.getenv("LIIF_DEBUG") != null) {
            shown.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
