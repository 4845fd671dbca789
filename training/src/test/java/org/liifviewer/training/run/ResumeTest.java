package org.liifviewer.training.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two iterations in one go and one + resume + one give bit-identical weights and Adam state. */
class ResumeTest {

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path dir) throws Exception {
        ResumeCheck.Runs runs = ResumeCheck.assertResumeIdentical(dir, ResumeCheck.tinyConfig(1, 4, 64,
                "hidden: [8]\n  local_ensemble: true\n  feat_unfold: true\n  cell_decode: true"));
        assertEquals(2, runs.resumed().adamSteps());
        assertEquals(3, Files.readAllLines(runs.resumedDir().resolve("log.csv")).size(), "header + 2 iterations");
    }
}
