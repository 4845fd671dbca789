package org.liifviewer.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.liifviewer.app.log.LogFile;
import org.liifviewer.app.view.ViewerApp;
import org.liifviewer.core.backend.NativeThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The viewer's {@code liif} command line: viewing, upscaling, and inspecting and converting models. */
@Command(name = "liif", mixinStandardHelpOptions = true, version = ViewerApp.NAME_AND_VERSION,
        description = "Continuous-zoom image viewer and super-resolution with LIIF (Local Implicit Image Function).",
        subcommands = {ViewCommand.class, UpscaleCommand.class, BicubicCommand.class, InfoCommand.class,
                ConvertCommand.class})
public final class LiifCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        NativeThreads.configure();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (0 on success). */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    /**
     * Runs {@code cli} (from {@link #commandLine}) on {@code args}; a JVM error (out of memory, stack overflow), which
     * picocli passes on instead of handling, is reported in one line too.
     */
    public static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (VirtualMachineError e) {
            CommandLine.ParseResult parsed = cli.getParseResult();
            List<CommandLine> commands = parsed == null ? List.of(cli) : parsed.asCommandLineList();
            return ((UserErrorHandler) cli.getExecutionExceptionHandler()).report(e, commands.get(commands.size() - 1));
        }
    }

    /**
     * The command line with the viewer's commands, then {@code moreCommands} (picocli {@code @Command} objects),
     * then {@code help}; a failed command reports one line on stderr.
     */
    public static CommandLine commandLine(Object... moreCommands) {
        CommandLine cli = new CommandLine(new LiifCli());
        for (Object command : moreCommands) {
            cli.addSubcommand(command);
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.getCommandSpec().usageMessage().footer("", "Log file: " + LogFile.path());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        return cli;
    }
}
