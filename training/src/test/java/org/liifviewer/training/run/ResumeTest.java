package org.liifviewer.training.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two iterations in one go and one + resume + one give bit-identical weights and Adam state. */
class ResumeTest {

    private static final String LIIF = "hidden: [8]\n  local_ensemble: true\n  feat_unfold: true\n  cell_decode: true";

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path dir) throws Exception {
        ResumeCheck.Runs runs = ResumeCheck.assertResumeIdentical(dir, ResumeCheck.tinyConfig(1, 4, 64, LIIF));
        assertEquals(2, runs.resumed().adamSteps());
        assertEquals(3, Files.readAllLines(runs.resumedDir().resolve("log.csv")).size(), "header + 2 iterations");
        assertTrue(runs.resumed().averages().isEmpty(), "no ema_decay, no averages");
        Path checkpoint = runs.resumedDir().resolve("last.safetensors");
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> TrainingCheckpoint.averagedModel(checkpoint));
        assertTrue(e.getMessage().contains("ema_decay"), e.getMessage());
    }

    @Test
    void weightAveragesResumeAndBecomeTheAveragedModel(@TempDir Path dir) throws Exception {
        ResumeCheck.Runs runs = ResumeCheck.assertResumeIdentical(dir,
                ResumeCheck.tinyConfig(1, 4, 64, LIIF) + "ema_decay: 0.5\n");
        Weights averages = runs.resumed().averages().orElseThrow();
        assertNotEquals(runs.resumed().weights().asMap(), averages.asMap(), "averages lag the weights");
        LiifModelFile averaged = TrainingCheckpoint.averagedModel(runs.resumedDir().resolve("last.safetensors"));
        assertEquals(averages.asMap(), averaged.weights().asMap());
        assertEquals("moving average (decay 0.5)", averaged.metadata().get("weights"));
    }
}
