package org.liifviewer.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.liifviewer.app.log.LogFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Reports a failed command as one clear line on stderr ({@code liif: error: ...}) with a non-zero status, and
 * logs it with its stack trace ({@link LogFile}); the stack trace goes to stderr too when {@code LIIF_DEBUG} is set.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UserErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        Throwable shown = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        LOG.error("liif {} failed", cmd.getCommandName(), shown);
        String message = shown.getMessage() == null ? "unexpected failure" : shown.getMessage();
        if (shown instanceof OutOfMemoryError) {
            message = "out of memory: " + message + " (try a smaller output size or more heap: LIIF_JAVA_OPTS=-Xmx16g)";
        } else if (!(shown instanceof IOException) && !(shown instanceof IllegalArgumentException)) {
            message = message + " (details in " + LogFile.path() + ")";
        }
        cmd.getErr().println("liif " + cmd.getCommandName() + ": error: " + message);
        if (System.getenv("LIIF_DEBUG") != null) {
            shown.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
