package org.liifviewer.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liifviewer.training.run.TrainingCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code liif strip}: a training checkpoint without Adam's moments, the form a checkpoint is kept in git. */
@Command(name = "strip", mixinStandardHelpOptions = true,
        description = {"Copy a training checkpoint without its optimizer state (Adam's moments: twice the weights).",
                "The weights, their moving averages and the run's progress stay: the copy loads as a model and",
                "resumes the run, with Adam starting afresh."})
final class StripCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "training checkpoint (runs/<name>/last.safetensors)")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "output .safetensors, written atomically")
    Path output;

    @Override
    public Integer call() throws Exception {
        TrainingCheckpoint.saveWeightsOnly(input, output);
        System.err.println("wrote " + output);
        return 0;
    }
}
