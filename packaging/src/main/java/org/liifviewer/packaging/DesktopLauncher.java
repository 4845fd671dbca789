package org.liifviewer.packaging;

import org.liifviewer.app.cli.LiifCli;
import picocli.CommandLine;

/**
 * Main class of the installed app: the {@code liif} command line with {@code view} as the default command, so that
 * a desktop launch (no arguments), an "Open with" launch (a file path) and {@code launcher --smoke-test IMAGE} all
 * open the viewer, while {@code launcher upscale ...} and the other commands still work.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        System.exit(LiifCli.run(withDefaultCommand(args)));
    }

    /** {@code args} unchanged when they start with a command or a top-level option of {@code liif}; else {@code view} + args. */
    static String[] withDefaultCommand(String... args) {
        CommandLine cli = LiifCli.commandLine();
        if (args.length > 0 && (cli.getSubcommands().containsKey(args[0])
                || cli.getCommandSpec().optionsMap().containsKey(args[0]))) {
            return args;
        }
        String[] withView = new String[args.length + 1];
        withView[0] = "view";
        System.arraycopy(args, 0, withView, 1, args.length);
        return withView;
    }
}
