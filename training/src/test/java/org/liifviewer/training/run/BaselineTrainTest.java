package org.liifviewer.training.run;

import org.liifviewer.training.Shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.training.baseline.BaselineFiles;
import org.liifviewer.training.baseline.BaselineSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** {@code train} runs the baselines' configs through the same trainer, checkpoints and resume as LIIF. */
class BaselineTrainTest {

    private static final String CONFIG = """
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

    @Test
    void upsamplerX3TrainsAndResumesIdentically(@TempDir Path dir) throws Exception {
        assertResumeIdentical(dir, config(3, 3, 48 * 48, "name: upsampler\n  scale: 3"));
        assertInstanceOf(BaselineSpec.Upsampler.class, BaselineFiles.load(dir.resolve("split/last.safetensors")).spec());
    }

    @Test
    void metaSrTrainsAndResumesIdentically(@TempDir Path dir) throws Exception {
        assertResumeIdentical(dir, config(1, 4, 64, "name: metasr"));
        assertInstanceOf(BaselineSpec.MetaSr.class, BaselineFiles.load(dir.resolve("split/last.safetensors")).spec());
    }

    private static void assertResumeIdentical(Path dir, String yaml) throws Exception {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, yaml);
        train(config.toString(), "--out", dir.resolve("straight").toString());
        train(config.toString(), "--iterations", "1", "--out", dir.resolve("split").toString());
        Path half = dir.resolve("split/last.safetensors");
        train(config.toString(), "--resume", half.toString(), "--out", dir.resolve("split").toString());
        TrainingCheckpoint.State a = TrainingCheckpoint.load(dir.resolve("straight/last.safetensors"));
        TrainingCheckpoint.State b = TrainingCheckpoint.load(dir.resolve("split/last.safetensors"));
        assertEquals(2, b.iteration());
        assertEquals(a.weights().asMap(), b.weights().asMap());
        assertEquals(a.secondMoments().asMap(), b.secondMoments().asMap());
    }

    private static void train(String... args) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertEquals(0, TrainCommand.run(args, new PrintStream(sink), System.err), sink.toString());
    }

    private static String config(int scaleMin, int scaleMax, int queries, String model) {
        return String.format(CONFIG, scaleMin, scaleMax, queries, model)
                .replace("SET5", Shared.set5().resolve("HR").toString());
    }
}
