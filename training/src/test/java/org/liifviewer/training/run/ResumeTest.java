package org.liifviewer.training.run;

import org.liifviewer.training.Shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two iterations in one go and one + resume + one give bit-identical weights and Adam state. */
class ResumeTest {

    private static final String CONFIG = """
            name: tiny
            data:
              folders: [SET5]
              repeat: 1
              batch_size: 2
              inp_size: 16
              scale_min: 1
              scale_max: 4
              sample_q: 64
              augment: true
              cache: true
              loader_threads: 1
              prefetch: 2
            model:
              encoder: {name: edsr-baseline, n_resblocks: 1, n_feats: 4, res_scale: 1}
              hidden: [8]
              local_ensemble: true
              feat_unfold: true
              cell_decode: true
            optimizer: {name: adam, lr: 1.0e-3}
            iterations: 2
            lr_schedule: {milestones: [1], gamma: 0.5}
            save_every: 10
            log_every: 1
            seed: 9
            """;

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path dir) throws Exception {
        ResumeCheck.Runs runs = ResumeCheck.assertResumeIdentical(dir,
                CONFIG.replace("SET5", Shared.set5().resolve("HR").toString()));
        assertEquals(2, runs.resumed().adamSteps());
        assertEquals(3, Files.readAllLines(runs.resumedDir().resolve("log.csv")).size(), "header + 2 iterations");
    }
}
