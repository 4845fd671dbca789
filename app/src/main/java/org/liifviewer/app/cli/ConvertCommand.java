package org.liifviewer.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liifviewer.core.io.FileChecks;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.io.AveragedModel;
import org.liifviewer.core.model.io.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liif convert}: any model file to our format. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Write a model as a LIIF Viewer .safetensors file.",
                "IN: an official LIIF checkpoint (.pth) or a training checkpoint (its optimizer state is dropped)."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "model file (.pth or .safetensors)")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "output .safetensors, written atomically")
    Path output;

    @Option(names = "--averaged", description = "take a training checkpoint's moving-average weights (kept when its "
            + "config sets ema_decay) instead of the last step's")
    boolean averaged;

    @Override
    public Integer call() throws Exception {
        FileChecks.requireWritableTarget(output);
        LiifModelFile model = averaged ? AveragedModel.load(input) : ModelFiles.load(input);
        ModelFiles.save(model, output);
        System.err.printf("wrote %s (%s, %,d parameters)%n", output, model.spec().describe(),
                model.weights().parameterCount());
        return 0;
    }
}
