package org.liifviewer.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liifviewer.app.view.ViewerLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liif view}: starts the viewer. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Open the viewer on IMAGE (or on a sample image when none is given).")
final class ViewCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "image to open")
    Path image;

    @Option(names = "--smoke-test", description = "open the window, render once, print one JSON line of timings and exit")
    boolean smokeTest;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "a shipped model's name (liif-default, ...) or a model file (our .safetensors or an official"
                    + " .pth), instead of the default")
    Path model;

    @Override
    public Integer call() {
        return ViewerLauncher.launch(image, model, smokeTest);
    }
}
