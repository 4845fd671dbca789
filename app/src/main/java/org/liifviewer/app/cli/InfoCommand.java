package org.liifviewer.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.render.ShippedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liif info}: what a model file contains. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a model's architecture and parameter count.")
final class InfoCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL", required = true,
            description = "a shipped model's name (liif-default, ...) or a model file (.safetensors or .pth)")
    Path model;

    @Override
    public Integer call() throws Exception {
        LiifModelFile file = ShippedModels.fileOf(model);
        System.out.println("model:        " + model);
        System.out.println("architecture: " + file.spec().describe());
        System.out.printf("parameters:   %,d (%d tensors)%n", file.weights().parameterCount(), file.weights().names().size());
        file.metadata().forEach((k, v) -> System.out.println(k + ": " + v));
        return 0;
    }
}
