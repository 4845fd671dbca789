package org.liifviewer.training.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.AveragedModel;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.training.graph.PixelLoss;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two iterations in one go and one + resume + one give bit-identical weights and Adam state; a resume with another
 * loss restarts Adam.
 */
class ResumeTest {

    private static final String LIIF = "hidden: [8]\n  local_ensemble: true\n  feat_unfold: true\n  cell_decode: true";

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path dir) throws Exception {
        ResumeCheck.Runs runs = ResumeCheck.assertResumeIdentical(dir, ResumeCheck.tinyConfig(1, 4, 64, LIIF));
        assertEquals(2, runs.resumed().adam().orElseThrow().steps());
        assertEquals(3, Files.readAllLines(runs.resumedDir().resolve("log.csv")).size(), "header + 2 iterations");
        assertTrue(runs.resumed().averages().isEmpty(), "no ema_decay, no averages");
        Path checkpoint = runs.resumedDir().resolve("last.safetensors");
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> AveragedModel.load(checkpoint));
        assertTrue(e.getMessage().contains("ema_decay"), e.getMessage());
    }

    @Test
    void weightAveragesResumeAndBecomeTheAveragedModel(@TempDir Path dir) throws Exception {
        ResumeCheck.Runs runs = ResumeCheck.assertResumeIdentical(dir,
                ResumeCheck.tinyConfig(1, 4, 64, LIIF) + "ema_decay: 0.5\n");
        Weights averages = runs.resumed().averages().orElseThrow();
        assertNotEquals(runs.resumed().weights().asMap(), averages.asMap(), "averages lag the weights");
        LiifModelFile averaged = AveragedModel.load(runs.resumedDir().resolve("last.safetensors"));
        assertEquals(averages.asMap(), averaged.weights().asMap());
        assertEquals("moving average (decay 0.5)", averaged.metadata().get("weights"));
    }

    @Test
    void aWeightsOnlyCopyKeepsWeightsAveragesAndProgressAndResumesWithAFreshAdam(@TempDir Path dir) throws Exception {
        String yaml = ResumeCheck.tinyConfig(1, 4, 64, LIIF) + "ema_decay: 0.5\n";
        ResumeCheck.Runs runs = ResumeCheck.assertResumeIdentical(dir, yaml);
        Path full = runs.resumedDir().resolve("last.safetensors");
        Path copy = dir.resolve("kept.safetensors");
        TrainingCheckpoint.saveWeightsOnly(full, copy);

        TrainingCheckpoint.State kept = TrainingCheckpoint.load(copy);
        assertTrue(kept.adam().isEmpty());
        assertEquals(2, kept.iteration());
        assertEquals(runs.resumed().weights().asMap(), kept.weights().asMap());
        assertEquals(runs.resumed().averages().map(Weights::asMap), kept.averages().map(Weights::asMap));
        assertTrue(ModelFiles.loadTensors(copy).trainingState().names().stream().allMatch(n -> n.endsWith(".ema")));
        assertEquals(AveragedModel.load(full).weights().asMap(), AveragedModel.load(copy).weights().asMap());

        Path config = Files.writeString(dir.resolve("three.yaml"), yaml.replace("iterations: 2", "iterations: 3"));
        Path out = dir.resolve("resumed");
        ResumeCheck.train(TrainConfig.read(config), Optional.of(copy), out);
        TrainingCheckpoint.State resumed = TrainingCheckpoint.load(out.resolve("last.safetensors"));
        assertEquals(3, resumed.iteration());
        assertEquals(1, resumed.adam().orElseThrow().steps(), "Adam restarted");
    }

    @Test
    void aFrozenEncoderStaysTheInitModelsAndItsAveragesAreNotKeptTwice(@TempDir Path dir) throws Exception {
        ResumeCheck.train(TrainConfig.parse(ResumeCheck.tinyConfig(1, 4, 64, LIIF)), Optional.empty(),
                dir.resolve("liif"));
        Path init = dir.resolve("liif").resolve("last.safetensors");
        String lm = ResumeCheck.tinyConfig(1, 4, 64, "name: lmliif\n  hidden: [10]\n"
                + "  render: {depth: 2, width: 4, mod_scale: true, mod_shift: true}\n"
                + "  local_ensemble: true\n  feat_unfold: true\n  cell_decode: true")
                + "ema_decay: 0.5\ninit: {model: " + init + ", prefix: encoder., freeze: true}\n";
        Path out = dir.resolve("lm");
        ResumeCheck.train(TrainConfig.parse(lm), Optional.empty(), out);

        Weights start = TrainingCheckpoint.load(init).weights();
        TrainingCheckpoint.State trained = TrainingCheckpoint.load(out.resolve("last.safetensors"));
        long encoder = trained.weights().names().stream().filter(n -> n.startsWith("encoder.")).count();
        for (String name : trained.weights().names()) {
            if (name.startsWith("encoder.")) {
                assertEquals(start.get(name), trained.weights().get(name), name + " is frozen");
            }
        }
        assertNotEquals(trained.weights().get("imnet.layers.0.weight"), trained.averages().orElseThrow()
                .get("imnet.layers.0.weight"), "the decoder trains");

        Path copy = dir.resolve("kept.safetensors");
        TrainingCheckpoint.saveWeightsOnly(out.resolve("last.safetensors"), copy);
        assertEquals(Long.toString(encoder), ModelFiles.loadTensors(copy).metadata().get(AveragedModel.SAME_AS_WEIGHTS));
        assertEquals(AveragedModel.load(out.resolve("last.safetensors")).weights().asMap(),
                AveragedModel.load(copy).weights().asMap());
        assertEquals(trained.averages().map(Weights::asMap), TrainingCheckpoint.load(copy).averages()
                .map(Weights::asMap));
    }

    @Test
    void resumingWithAnotherLossRestartsAdamAndKeepsItAfterwards(@TempDir Path dir) throws Exception {
        String l1 = ResumeCheck.tinyConfig(1, 4, 64, LIIF).replace("iterations: 2", "iterations: 3");
        Path l1Config = Files.writeString(dir.resolve("l1.yaml"), l1);
        Path l2Config = Files.writeString(dir.resolve("l2.yaml"), l1 + "loss: l2\n");
        Path checkpoint = dir.resolve("run").resolve("last.safetensors");
        Path out = dir.resolve("run");
        ResumeCheck.train(TrainConfig.read(l1Config).withIterations(1), Optional.empty(), out);
        assertEquals(PixelLoss.L1, savedLoss(checkpoint));
        TrainingCheckpoint.State before = TrainingCheckpoint.load(checkpoint);

        ResumeCheck.train(TrainConfig.read(l2Config).withIterations(2), Optional.of(checkpoint), out);
        TrainingCheckpoint.State switched = TrainingCheckpoint.load(checkpoint);
        assertEquals(2, switched.iteration());
        assertEquals(1, switched.adam().orElseThrow().steps(), "Adam restarted at the switch");
        assertEquals(PixelLoss.L2, savedLoss(checkpoint));
        assertNotEquals(before.weights().asMap(), switched.weights().asMap());

        ResumeCheck.train(TrainConfig.read(l2Config), Optional.of(checkpoint), out);
        TrainingCheckpoint.State continued = TrainingCheckpoint.load(checkpoint);
        assertEquals(3, continued.iteration());
        assertEquals(2, continued.adam().orElseThrow().steps(), "the same loss continues Adam's state");
    }

    private static PixelLoss savedLoss(Path checkpoint) throws Exception {
        return TrainConfig.parseLoss(TrainingCheckpoint.load(checkpoint).metadata().get(TrainingCheckpoint.CONFIG));
    }
}
