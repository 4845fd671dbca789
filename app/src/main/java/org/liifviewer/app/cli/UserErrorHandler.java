package org.liifviewer.app.cli;

import org.liifviewer.core.io.UserMessages;
import picocli.CommandLine;

/**
 * Reports a failed command as one line on stderr ({@code liif CMD: error: FILE: what is wrong}), worded by
 * {@link UserMessages}, with a non-zero status; the stack trace is printed only when {@code LIIF_DEBUG} is set.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        return report(ex, cmd);
    }

    /** Prints the line for {@code failure} of {@code cmd} (and its stack trace under {@code LIIF_DEBUG}); returns 1. */
    int report(Throwable failure, CommandLine cmd) {
        cmd.getErr().println("liif " + cmd.getCommandName() + ": error: " + UserMessages.describe(failure));
        if (System.getenv("LIIF_DEBUG") != null) {
            failure.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
