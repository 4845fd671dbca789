package org.liifviewer.training.run;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.training.baseline.BaselineSpec;
import org.liifviewer.training.data.ImageFolders;
import org.liifviewer.training.data.Sampling;
import org.liifviewer.training.graph.PixelLoss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainConfigTest {

    private static final Path CONFIGS = Path.of("configs");

    @Test
    void officialConfigMatchesThePaper() throws Exception {
        TrainConfig c = TrainConfig.read(CONFIGS.resolve("train_edsr-baseline-liif.yaml"));
        LiifSpec spec = c.model().toSpec();
        assertEquals(580, spec.mlpInDim());
        assertEquals(16, c.data().batchSize());
        assertEquals(2304, c.data().sampleQ());
        assertEquals(1e-4, c.schedule().at(0));
        assertEquals(5e-5, c.schedule().at(200000));
        assertEquals(1000000, c.iterations());
    }

    @Test
    void everyShippedConfigParsesAndRoundTrips() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(CONFIGS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            TrainConfig c = TrainConfig.read(f);
            assertEquals(c.model().architecture(), TrainConfig.parse(c.toYaml()).model().architecture(), f.toString());
        }
        assertEquals(false, TrainConfig.read(CONFIGS.resolve("train_edsr-baseline-liif-c.yaml")).model().cellDecode());
        assertEquals(3.0, TrainConfig.read(CONFIGS.resolve("train_edsr-baseline-liif-x3.yaml")).data().scaleMax());
    }

    @Test
    void baselineConfigsDescribeThePaperBaselines() throws Exception {
        EncoderSpec.Edsr edsr = new EncoderSpec.Edsr("edsr-baseline", 16, 64, 1f);
        for (int s = 2; s <= 4; s++) {
            TrainConfig c = TrainConfig.read(CONFIGS.resolve("train_edsr-baseline-x" + s + ".yaml"));
            assertEquals(new BaselineSpec.Upsampler(edsr, s), c.model().architecture());
            assertEquals(48 * 48 * s * s, c.data().sampleQ());
        }
        assertEquals(new BaselineSpec.MetaSr(edsr),
                TrainConfig.read(CONFIGS.resolve("train_edsr-baseline-metasr.yaml")).model().architecture());
        String partialCrop = Files.readString(CONFIGS.resolve("train_edsr-baseline-x2.yaml"))
                .replace("sample_q: 9216", "sample_q: 2304");
        assertThrows(Exception.class, () -> TrainConfig.parse(partialCrop), "the up-sampler needs whole crops");
    }

    @Test
    void rejectsUnknownKeys() throws Exception {
        String yaml = Files.readString(CONFIGS.resolve("train_edsr-baseline-liif.yaml")).replace("seed: 0", "sed: 0");
        assertThrows(Exception.class, () -> TrainConfig.parse(yaml));
    }

    @Test
    void weightAveragingIsOffUnlessADecayInZeroOneIsGiven() throws Exception {
        String yaml = Files.readString(CONFIGS.resolve("train_edsr-baseline-liif.yaml"));
        assertEquals(0, TrainConfig.parse(yaml).emaDecay(), "the paper's configs keep no average");
        assertEquals(0.999, TrainConfig.parse(yaml + "ema_decay: 0.999\n").emaDecay());
        IOException e = assertThrows(IOException.class, () -> TrainConfig.parse(yaml + "ema_decay: 1\n"));
        assertTrue(e.getMessage().contains("ema_decay"), e.getMessage());
    }

    @Test
    void theLossIsL1UnlessL2IsAskedAndCheckpointsKeepIt() throws Exception {
        String yaml = Files.readString(CONFIGS.resolve("train_edsr-baseline-liif.yaml"));
        assertEquals(PixelLoss.L1, TrainConfig.parse(yaml).loss(), "the paper's loss");
        assertEquals(PixelLoss.L1, TrainConfig.parseLoss(yaml), "a checkpoint from before the loss key");
        TrainConfig l2 = TrainConfig.parse(yaml + "loss: l2\n");
        assertEquals(PixelLoss.L2, l2.loss());
        assertEquals(PixelLoss.L2, TrainConfig.parseLoss(l2.toYaml()));
        assertEquals(PixelLoss.L2, l2.withIterations(5).loss());
        assertThrows(Exception.class, () -> TrainConfig.parse(yaml + "loss: huber\n"));
    }

    @Test
    void samplingIsPerImageUnlessAreaIsAsked() throws Exception {
        String yaml = Files.readString(CONFIGS.resolve("train_edsr-baseline-liif.yaml"));
        assertEquals(Sampling.IMAGE, TrainConfig.parse(yaml).data().sampling(), "the official sampler");
        TrainConfig area = TrainConfig.parse(yaml.replace("  repeat: 20\n", "  repeat: 20\n  sampling: area\n"));
        assertEquals(Sampling.AREA, area.data().sampling());
        assertEquals(Sampling.AREA, TrainConfig.parse(area.toYaml()).data().sampling(), "kept in checkpoints");
        assertThrows(Exception.class, () -> TrainConfig.parse(yaml.replace("  repeat: 20\n", "  repeat: 20\n  sampling: pixel\n")));
    }

    @Test
    void downScaledCopiesFollowTheStoredFoldersFactorByFactor() throws Exception {
        String yaml = Files.readString(CONFIGS.resolve("train_edsr-baseline-liif.yaml"));
        List<ImageFolders.Folder> stored = ImageFolders.Folder.asStored(List.of(
                Path.of("../shared/data/DIV2K_train_sample/HR"), Path.of("../shared/data/Flickr2K_sample/HR")));
        assertEquals(stored, TrainConfig.parse(yaml).data().imageFolders(), "no copies unless asked");
        String withCopies = yaml.replace("  repeat: 20\n",
                "  repeat: 20\n  downscaled: [{folders: [a, b], factors: [0.75, 0.5]}, {folders: [c], factors: [0.8]}]\n");
        TrainConfig copies = TrainConfig.parse(withCopies);
        List<ImageFolders.Folder> expected = new ArrayList<>(stored);
        expected.addAll(List.of(new ImageFolders.Folder(Path.of("a"), 0.75), new ImageFolders.Folder(Path.of("b"), 0.75),
                new ImageFolders.Folder(Path.of("a"), 0.5), new ImageFolders.Folder(Path.of("b"), 0.5), new ImageFolders.Folder(Path.of("c"), 0.8)));
        assertEquals(expected, copies.data().imageFolders());
        assertEquals(expected, TrainConfig.parse(copies.toYaml()).data().imageFolders(), "kept in checkpoints");
        IOException e = assertThrows(IOException.class, () -> TrainConfig.parse(withCopies.replace("0.5]", "1]")));
        assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
        assertThrows(IOException.class, () -> TrainConfig.parse(withCopies.replace("factors: [0.75, 0.5]", "factors: []")));
    }

    @Test
    void theModelOfAStoredConfigReadsWhateverItsDataSectionHolds() throws Exception {
        TrainConfig config = TrainConfig.read(CONFIGS.resolve("liif-default.yaml"));
        String stored = config.toYaml().replace("  repeat: 1\n", "  repeat: 1\n  a_key_of_another_version: {x: 1}\n");
        assertThrows(IOException.class, () -> TrainConfig.parse(stored), "the whole config is strict");
        assertEquals(config.model().architecture(), TrainConfig.parseModel(stored).architecture());
        assertThrows(IOException.class, () -> TrainConfig.parseModel("name: x\n"));
    }
}
