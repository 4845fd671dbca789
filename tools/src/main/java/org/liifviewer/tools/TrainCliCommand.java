package org.liifviewer.tools;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.liifviewer.core.io.FileChecks;
import org.liifviewer.training.run.TrainCommand;
import org.liifviewer.training.run.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liif train}: trains a LIIF model from a YAML experiment file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a LIIF model from a YAML experiment.",
                "Experiments: training/configs/*.yaml (data paths are relative to the working directory). Checkpoints (model + Adam state, loadable as a model) go to",
                "OUT/last.safetensors every save_every iterations and at exit (Ctrl-C saves too); a CSV log beside them."})
final class TrainCliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment YAML")
    Path config;

    @Option(names = "--resume", paramLabel = "FILE", description = "continue the run of this checkpoint (same data stream)")
    Path resume;

    @Option(names = "--iterations", paramLabel = "N", description = "stop after N iterations in total")
    Long iterations;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default runs/<name>)")
    Path out;

    @Override
    public Integer call() throws Exception {
        FileChecks.requireReadableFile(config);
        if (resume != null) {
            FileChecks.requireReadableFile(resume);
        }
        TrainConfig experiment = TrainConfig.read(config);
        if (iterations != null) {
            experiment = experiment.withIterations(iterations);
        }
        Path outDir = out != null ? out : Path.of("runs", experiment.name());
        return TrainCommand.run(experiment, Optional.ofNullable(resume), outDir, System.out, System.err);
    }
}
