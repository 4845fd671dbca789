package org.liifviewer.training.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.training.baseline.BaselineSpec;
import org.liifviewer.training.data.GeneratedImages;
import org.liifviewer.training.data.SizeVariedStream;
import org.liifviewer.training.experiments.PaperTable;
import org.liifviewer.training.experiments.TableRow;

/**
 * The configs of the reproduced Tables 3-5 ({@code training/configs/tables}): one shared encoder and budget, each
 * ablation differing from LIIF in its one switch, Table 5's two methods on the official size-varied data, and a
 * config that trains (one step, on generated images in place of the held-out splits).
 */
class TableConfigsTest {

    private static final Path ROOT = Path.of("..");
    private static final EncoderSpec.Edsr SHARED = new EncoderSpec.Edsr("edsr-baseline", 8, 32, 1f);

    @TempDir
    Path dir;

    private static TrainConfig config(String key) throws IOException {
        return TrainConfig.read(ROOT.resolve("training/configs/tables/" + key + ".yaml"));
    }

    @Test
    void ablationRowsShareEncoderDataAndBudgetAndDifferInTheirOneChoice() throws IOException {
        TrainConfig liif = config("ablation-liif");
        LiifSpec base = liif.model().toSpec();
        assertEquals(SHARED, base.encoder());
        assertEquals(new LiifSpec(SHARED, new int[]{64, 64, 64, 64}, 3, true, true, true), base);
        assertEquals(new LiifSpec(SHARED, base.hidden(), 3, true, true, false), config("ablation-c").model().toSpec());
        assertEquals(new LiifSpec(SHARED, base.hidden(), 3, true, false, true), config("ablation-u").model().toSpec());
        assertEquals(new LiifSpec(SHARED, base.hidden(), 3, false, true, true), config("ablation-e").model().toSpec());
        assertEquals(new LiifSpec(SHARED, new int[]{64, 64}, 3, true, true, true), config("ablation-d").model().toSpec());
        for (int k = 2; k <= 4; k++) {
            TrainConfig only = config("ablation-x" + k);
            assertEquals(base, only.model().toSpec());
            assertEquals(k, only.data().scaleMin());
            assertEquals(k, only.data().scaleMax());
        }
        for (PaperTable table : List.of(PaperTable.TABLE3, PaperTable.TABLE4)) {
            for (TableRow row : table.rows()) {
                TrainConfig c = TrainConfig.read(ROOT.resolve(row.config()));
                assertEquals(liif.data().folders(), c.data().folders(), row.key());
                assertEquals(new TrainConfig.Init("training/configs/tables/liif-small.safetensors", "encoder.", true),
                        c.init(), row.key());
                assertEquals(liif.data().batchSize(), c.data().batchSize(), row.key());
                assertEquals(liif.iterations(), c.iterations(), row.key());
                assertSameSchedule(liif, c);
                assertEquals(liif.seed(), c.seed(), row.key());
            }
        }
    }

    @Test
    void theSharedFrozenEncoderFileHoldsTheSharedEncoder() throws IOException {
        Path file = ROOT.resolve(config("ablation-liif").init().model());
        assertEquals(SHARED, ModelFiles.load(file).spec().encoder());
    }

    @Test
    void tableFiveComparesLiifWithUpSamplersOnTheOfficialSizeVariedData() throws IOException {
        for (int[] task : new int[][]{{64, 128}, {32, 256}}) {
            String prefix = "celebahq-" + task[0] + "-" + task[1];
            TrainConfig liif = config(prefix + "-liif");
            TrainConfig up = config(prefix + "-upsample");
            assertEquals(SHARED, liif.model().toSpec().encoder());
            assertEquals(new BaselineSpec.Upsampler(SHARED, task[1] / task[0]), up.model().architecture());
            assertEquals(new SizeVariedStream.Settings(task[0], task[0], task[1], 0, 1024, true),
                    liif.data().sizeVariedSettings());
            assertEquals(new SizeVariedStream.Settings(task[0], task[0], task[1], task[1], 1024, true),
                    up.data().sizeVariedSettings());
            assertEquals(liif.iterations(), up.iterations());
            assertSameSchedule(liif, up);
        }
        assertArrayEquals(new int[]{2, 2, 2}, new BaselineSpec.Upsampler(SHARED, 8).steps());
    }

    private static void assertSameSchedule(TrainConfig a, TrainConfig b) {
        assertEquals(a.optimizer(), b.optimizer());
        assertArrayEquals(a.lrSchedule().milestones(), b.lrSchedule().milestones());
        assertEquals(a.lrSchedule().gamma(), b.lrSchedule().gamma());
    }

    @Test
    void anUpSamplerWhoseOutputIsNotTheResizedGroundTruthIsRefused() throws IOException {
        String yaml = Files.readString(ROOT.resolve("training/configs/tables/celebahq-32-256-upsample.yaml"))
                .replace("gt_resize: 256", "gt_resize: 128");
        IOException e = assertThrows(IOException.class, () -> TrainConfig.parse(yaml));
        assertTrue(e.getMessage().contains("gt_resize to 256"), e.getMessage());
    }

    @Test
    void theSizeVariedConfigsTrainAStepOnWholeImages() throws Exception {
        for (int i = 0; i < 3; i++) {
            GeneratedImages.png(dir.resolve("faces"), "face" + i + ".png", 260, 260, i);
        }
        for (String key : List.of("celebahq-32-256-liif", "celebahq-32-256-upsample")) {
            String yaml = Files.readString(ROOT.resolve("training/configs/tables/" + key + ".yaml"))
                    .replace("runs/holdout/celebahq-train", dir.resolve("faces").toString())
                    .replace("batch_size: 16", "batch_size: 2");
            TrainConfig config = TrainConfig.parse(yaml).withIterations(1);
            Path out = dir.resolve(key);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
            assertEquals(0, TrainCommand.run(config, Optional.empty(), out, print, print), log.toString());
            assertEquals(1, TrainingCheckpoint.load(out.resolve("last.safetensors")).iteration());
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("ground truths 32 to 256"), log.toString());
        }
    }

    @Test
    void aMissingDataFolderIsNamed() throws IOException {
        TrainConfig.Data data = config("ablation-liif").data();
        assertNull(data.sizeVaried());
        IOException e = assertThrows(IOException.class, () -> TrainConfig.parse(
                Files.readString(ROOT.resolve("training/configs/tables/ablation-liif.yaml"))
                        .replace("runs/holdout/2k-train", dir.resolve("absent").toString())).data().stream(0));
        assertEquals("training data folder not found: " + dir.resolve("absent"), e.getMessage());
    }
}
