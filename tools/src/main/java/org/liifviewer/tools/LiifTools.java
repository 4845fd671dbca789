package org.liifviewer.tools;

import org.liifviewer.app.cli.LiifCli;
import org.liifviewer.core.backend.NativeThreads;

/**
 * The {@code liif} command line of a source checkout ({@code ./liif}): the viewer's commands plus {@code train},
 * {@code strip}, {@code eval}, {@code crops}, {@code table} and {@code bench}, which the installed viewer does not carry.
 */
public final class LiifTools {

    private LiifTools() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        NativeThreads.configure();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (0 on success). */
    public static int run(String... args) {
        return LiifCli.execute(LiifCli.commandLine(new TrainCliCommand(), new StripCommand(), new EvalCommand(),
                new CropsCommand(), new TableCommand(), new BenchCommand()), args);
    }
}
