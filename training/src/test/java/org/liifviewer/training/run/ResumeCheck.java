package org.liifviewer.training.run;

import org.liifviewer.core.model.Weights;
import org.liifviewer.training.Shared;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Trains a two-iteration config straight through and as one iteration, a resume and one more, and checks that both
 * runs end with bit-identical weights, Adam moments and weight averages (when kept).
 */
final class ResumeCheck {

    /** The final checkpoints of the two runs; {@code resumedDir} also holds the resumed run's log. */
    record Runs(TrainingCheckpoint.State straight, TrainingCheckpoint.State resumed, Path resumedDir) {
    }

    /** A two-iteration config on Set5 with a 1-block, 4-feature encoder; {@code model} adds the model's own keys. */
    private static final String TINY = """
            name: tiny
            data:
              folders: [SET5]
              repeat: 1
              batch_size: 2
              inp_size: 16
              scale_min: %1$s
              scale_max: %2$s
              sample_q: %3$d
              augment: true
              cache: true
              loader_threads: 1
              prefetch: 2
            model:
              %4$s
              encoder: {name: edsr-baseline, n_resblocks: 1, n_feats: 4, res_scale: 1}
            optimizer: {name: adam, lr: 1.0e-3}
            iterations: 2
            lr_schedule: {milestones: [1], gamma: 0.5}
            save_every: 10
            log_every: 1
            seed: 9
            """;

    private ResumeCheck() {
    }

    static String tinyConfig(int scaleMin, int scaleMax, int queries, String model) {
        return String.format(TINY, scaleMin, scaleMax, queries, model)
                .replace("SET5", Shared.set5().resolve("HR").toString());
    }

    static Runs assertResumeIdentical(Path dir, String yaml) throws Exception {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, yaml);
        Path straight = dir.resolve("straight");
        Path split = dir.resolve("split");
        train(TrainConfig.read(config), Optional.empty(), straight);
        train(TrainConfig.read(config).withIterations(1), Optional.empty(), split);
        Path half = split.resolve("last.safetensors");
        assertEquals(1, TrainingCheckpoint.load(half).iteration());
        train(TrainConfig.read(config), Optional.of(half), split);
        Runs runs = new Runs(TrainingCheckpoint.load(straight.resolve("last.safetensors")),
                TrainingCheckpoint.load(split.resolve("last.safetensors")), split);
        assertEquals(2, runs.resumed().iteration());
        assertEquals(runs.straight().weights().asMap(), runs.resumed().weights().asMap());
        TrainingCheckpoint.AdamState straightAdam = runs.straight().adam().orElseThrow();
        TrainingCheckpoint.AdamState resumedAdam = runs.resumed().adam().orElseThrow();
        assertEquals(straightAdam.firstMoments().asMap(), resumedAdam.firstMoments().asMap());
        assertEquals(straightAdam.secondMoments().asMap(), resumedAdam.secondMoments().asMap());
        assertEquals(runs.straight().averages().map(Weights::asMap), runs.resumed().averages().map(Weights::asMap));
        return runs;
    }

    /** Trains {@code config} into {@code out}, continuing {@code resume} when present, asserting it succeeds. */
    static void train(TrainConfig config, Optional<Path> resume, Path out) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertEquals(0, TrainCommand.run(config, resume, out, new PrintStream(sink), System.err), sink.toString());
    }
}
