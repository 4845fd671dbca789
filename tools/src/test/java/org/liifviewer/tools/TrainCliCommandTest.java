package org.liifviewer.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.app.SharedFiles;
import org.liifviewer.training.run.TrainingCheckpoint;

/**
 * {@code liif train} hands its options to the trainer (the iteration override and the output folder), and
 * {@code liif strip} keeps a checkpoint without Adam's state.
 */
class TrainCliCommandTest {

    /** Five iterations of a 1-block, 4-feature LIIF on Set5, seeded. */
    private static final String TINY = """
            name: tiny
            data:
              folders: [%s]
              repeat: 1
              batch_size: 1
              inp_size: 8
              scale_min: 1
              scale_max: 2
              sample_q: 16
              augment: false
              cache: false
              loader_threads: 1
              prefetch: 1
            model:
              hidden: [4]
              local_ensemble: false
              feat_unfold: false
              cell_decode: false
              encoder: {name: edsr-baseline, n_resblocks: 1, n_feats: 4, res_scale: 1}
            optimizer: {name: adam, lr: 1.0e-3}
            iterations: 5
            lr_schedule: {milestones: [4], gamma: 0.5}
            save_every: 10
            log_every: 1
            seed: 3
            """;

    @TempDir
    Path dir;

    @Test
    void aMissingDataFolderOrAnImageTooSmallForItsGroundTruthIsOneLineNamingIt() throws Exception {
        Path missing = dir.resolve("no-such-folder");
        String err = failedTrain(Files.writeString(dir.resolve("missing.yaml"), TINY.formatted(missing)));
        assertTrue(err.contains("training data folder not found: " + missing), err);

        Path faces = Files.createDirectories(dir.resolve("faces"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", faces.resolve("small.png").toFile());
        String sizeVaried = TINY.formatted(faces).replace("  sample_q: 16\n",
                "  sample_q: 16\n  size_varied: {size_min: 8, size_max: 32}\n").replace("scale_min: 1", "scale_min: 0")
                .replace("scale_max: 2", "scale_max: 0");
        err = failedTrain(Files.writeString(dir.resolve("small.yaml"), sizeVaried));
        assertTrue(err.contains(faces.resolve("small.png") + ": 20x20 is smaller than the largest ground truth, 32x32"),
                err);
    }

    /** The stderr of a {@code liif train} that must fail with one line and no stack trace. */
    private static String failedTrain(Path config) {
        return ToolRun.refusal("train", config.toString(), "--out", config.resolveSibling("out").toString());
    }

    @Test
    void iterationsAndOutputFolderReachTheTrainerAndStripDropsAdam() throws Exception {
        Path config = Files.writeString(dir.resolve("tiny.yaml"),
                TINY.formatted(SharedFiles.path("data/Set5/HR")));
        Path out = dir.resolve("run");
        ToolRun run = ToolRun.of("train", config.toString(), "--iterations", "2", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(2, TrainingCheckpoint.load(out.resolve("last.safetensors")).iteration());
        assertTrue(Files.exists(out.resolve("log.csv")));

        Path kept = dir.resolve("kept.safetensors");
        assertEquals(0, LiifTools.run("strip", out.resolve("last.safetensors").toString(), kept.toString()));
        TrainingCheckpoint.State state = TrainingCheckpoint.load(kept);
        assertEquals(2, state.iteration());
        assertTrue(state.adam().isEmpty());
    }
}
