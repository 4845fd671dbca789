package org.liifviewer.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.liifviewer.core.backend.NativeThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code liif} command line: one entry point for viewing, upscaling, training, evaluating and benchmarking. */
@Command(name = "liif", mixinStandardHelpOptions = true, version = "LIIF Viewer 0.1.0",
        description = "Continuous-zoom image viewer and super-resolution with LIIF (Local Implicit Image Function).",
        subcommands = {ViewCommand.class, UpscaleCommand.class, BicubicCommand.class, InfoCommand.class, ConvertCommand.class, BenchCommand.class,
                EvalCommand.class, TrainCliCommand.class,
                CommandLine.HelpCommand.class})
public final class LiifCli implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        NativeThreads.configure();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (0 on success). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new LiifCli());
        UserErrorHandler errors = new UserErrorHandler();
        cli.setExecutionExceptionHandler(errors);
        try {
            return cli.execute(args);
        } catch (VirtualMachineError e) {   // out of memory, stack overflow: picocli hands on only exceptions
            CommandLine.ParseResult parsed = cli.getParseResult();
            List<CommandLine> commands = parsed == null ? List.of(cli) : parsed.asCommandLineList();
            return errors.report(e, commands.get(commands.size() - 1));
        }
    }
}
