package org.liifviewer.app.cli;

import java.io.UncheckedIOException;
import org.liifviewer.app.log.LogFile;
import org.liifviewer.core.io.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Reports a failed command as one line on stderr ({@code liif CMD: error: FILE: what is wrong}), worded by
 * {@link UserMessages}, with a non-zero status, and logs it with its stack trace ({@link LogFile}); the stack trace
 * goes to stderr too when {@code LIIF_DEBUG} is set.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UserErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        return report(ex, cmd);
    }

    /** Prints the line for {@code failure} of {@code cmd} (and its stack trace under {@code LIIF_DEBUG}); returns 1. */
    int report(Throwable failure, CommandLine cmd) {
        Throwable shown = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        LOG.error("liif {} failed", cmd.getCommandName(), shown);
        cmd.getErr().println("liif " + cmd.getCommandName() + ": error: " + UserMessages.describe(shown));
        if (System.getenv("LIIF_DEBUG") != null) {
            failure.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
