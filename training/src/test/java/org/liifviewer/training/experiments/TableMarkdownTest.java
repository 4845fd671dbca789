package org.liifviewer.training.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduced tables' markdown from a fixture of run folders (made-up results, as {@code liif eval --json} writes
 * them): our numbers beside the paper's, differences, the verdicts and the budget; and the script's plan.
 */
class TableMarkdownTest {

    private static final Path ROOT = Path.of("..");

    @TempDir
    Path runs;

    /** A run folder: 100 iterations of 2 s, evaluations taking 60 s each, PSNR = base + scale offsets. */
    private void run(String key, Map<String, String> evaluations) throws IOException {
        Path dir = Files.createDirectories(runs.resolve(key));
        StringBuilder log = new StringBuilder("iteration,loss,lr,seconds\n");
        for (int i = 1; i <= 100; i++) {
            log.append(i).append(",0.1,2.0e-04,2.000\n");
        }
        Files.writeString(dir.resolve("log.csv"), log);
        for (var e : evaluations.entrySet()) {
            Files.writeString(dir.resolve("eval-" + e.getKey() + ".json"), e.getValue());
            Files.writeString(dir.resolve("eval-" + e.getKey() + ".seconds"), "60\n");
        }
    }

    /** {"model": {...}, "bicubic": {...}} at the table scales: model = base - scale / 10, bicubic = 20. */
    private static String block(double base) {
        StringBuilder model = new StringBuilder();
        StringBuilder bicubic = new StringBuilder();
        for (int s : PaperTable.SCALES) {
            model.append(model.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "\"%d\":%.4f", s, base - s / 10.0));
            bicubic.append(bicubic.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "\"%d\":20.0", s));
        }
        return "\"model\":{" + model + "},\"bicubic\":{" + bicubic + "}";
    }

    private void scaleRuns(PaperTable table, Map<String, Double> bases) throws IOException {
        for (TableRow row : table.rows()) {
            double base = bases.get(row.key());
            String sets = "\"sets\":{\"Set5\":{" + block(base + 1) + "},\"Set14\":{" + block(base + 0.5) + "},\"B100\":{"
                    + block(base) + "}}";
            run(row.key(), Map.of("val", "{" + block(base) + "}", "benchmark", "{" + block(base) + "," + sets + "}"));
        }
    }

    @Test
    void tableThreePutsOurNumbersBesideThePapersWithDifferencesAndVerdicts() throws IOException {
        Map<String, Double> bases = new LinkedHashMap<>();
        bases.put("ablation-liif", 30.0);
        bases.put("ablation-c", 30.1);     // -c ahead of LIIF at every scale: the paper's sign only at x12-x30
        bases.put("ablation-u", 29.9);
        bases.put("ablation-e", 29.8);
        bases.put("ablation-d", 29.95);
        scaleRuns(PaperTable.TABLE3, bases);
        String md = TableMarkdown.of(PaperTable.TABLE3, ROOT, runs, 2);

        assertTrue(md.startsWith("# Table 3 at our scale"), md);
        assertTrue(md.contains("| LIIF (ours) | 29.80 | 29.70 | 29.60 | 29.40 | 28.80 | 28.20 | 27.60 | 27.00 |"), md);
        assertTrue(md.contains("| LIIF (paper) | 34.67 | 30.96 | 29.00 | 26.75 | 23.71 | 22.17 | 21.18 | 20.48 |"), md);
        assertTrue(md.contains("| LIIF (-c) (paper) | 34.53 |"), md);
        assertTrue(md.contains("| Bicubic (ours) | 20.00 |"), md);
        assertTrue(md.contains("| LIIF (-u) | +0.10 / +0.03 |"), md);
        assertTrue(md.contains("| LIIF (-c) | -0.10 / +0.14 |"), md);
        assertTrue(md.contains("| LIIF (-e) | 29.60 | 29.50 |"), md);   // the B100 block
        assertTrue(md.contains("**LIIF (-c)**: the paper's sign at 4 of 8 scales: x12 (-0.10 / -0.01), x18"), md);
        assertTrue(md.contains("**LIIF (-u)**: the paper's sign at 8 of 8 scales"), md);
        assertTrue(md.contains("| LIIF | `training/configs/tables/ablation-liif.yaml` | edsr-baseline 8x32, frozen"
                + " (`training/configs/tables/liif-small.safetensors`) | MLP 64-64-64-64 |"), md);
        assertTrue(md.contains("| LIIF (-d) | `training/configs/tables/ablation-d.yaml` | edsr-baseline 8x32, frozen"
                + " (`training/configs/tables/liif-small.safetensors`) | MLP 64-64 |"), md);
        assertTrue(md.contains("| 0.06 h | 2.00 | 0.03 h |"), md);
        assertTrue(md.contains("0.28 h of training and 0.17 h of evaluation"), md);
    }

    @Test
    void tableFiveComparesLiifWithUpSamplingModulesPerTask() throws IOException {
        double[] ours = {30.0, 30.5, 25.0, 24.8};
        List<TableRow> rows = PaperTable.TABLE5.rows();
        for (int i = 0; i < rows.size(); i++) {
            int scale = rows.get(i).task().scale();
            double bicubic = scale == 8 ? 24.9 : 22.5;
            run(rows.get(i).key(), Map.of("faces", String.format(Locale.ROOT,
                    "{\"model\":{\"%d\":%.2f},\"bicubic\":{\"%d\":%.2f}}", scale, ours[i], scale, bicubic)));
        }
        String md = TableMarkdown.of(PaperTable.TABLE5, ROOT, runs, 2);
        assertTrue(md.contains("| L=64, H=128 | Up-sampling modules | 30.00 | 34.78 |"), md);
        assertTrue(md.contains("`training/configs/tables/celebahq-64-128-upsample.yaml` | edsr-baseline 8x32 |"
                + " upsampler |"), md);
        assertTrue(md.contains("`training/configs/tables/celebahq-64-128-liif.yaml` | edsr-baseline 8x32 |"
                + " MLP 256-256-256-256 |"), md);
        assertTrue(md.contains("| L=64, H=128 | LIIF | 30.50 | 35.96 |"), md);
        assertTrue(md.contains("| L=32, H=256 | Bicubic (MATLAB imresize of the input) | 24.90 | - |"), md);
        assertTrue(md.contains("Below bicubic: LIIF (L=32, H=256). A model"), md);
        assertTrue(md.contains("**L=64, H=128**: LIIF minus up-sampling modules = +0.50 dB ours, +1.18 dB paper:"
                + " agrees (LIIF ahead, as in the paper)."), md);
        assertTrue(md.contains("**L=32, H=256**: LIIF minus up-sampling modules = -0.20 dB ours, +0.18 dB paper:"
                + " does not agree"), md);
    }

    @Test
    void aRowWithoutItsEvaluationIsNamed() throws IOException {
        run("celebahq-64-128-upsample", Map.of());
        IOException e = assertThrows(IOException.class, () -> TableMarkdown.of(PaperTable.TABLE5, ROOT, runs, 2));
        assertEquals(runs.resolve("celebahq-64-128-upsample/eval-faces.json") + ": missing (the row was not evaluated)",
                e.getMessage());
    }

    @Test
    void thePlanTrainsEveryRowThenEvaluatesItOnTheTablesData() {
        List<String> plan = PaperTable.TABLE4.plan();
        assertEquals("train ablation-liif training/configs/tables/ablation-liif.yaml", plan.get(0));
        assertEquals(4 + 4 * 2, plan.size());
        assertTrue(plan.get(1).startsWith("eval ablation-liif ") && plan.get(2).startsWith("eval ablation-liif ")
                && plan.get(3).startsWith("train ablation-x2 "), "each row is evaluated right after its training");
        assertTrue(plan.contains("eval ablation-x3 val --data runs/holdout/2k-val --protocol div2k --scales"
                + " 2,3,4,6,12,18,24,30"), plan.toString());
        assertTrue(plan.contains("eval ablation-x3 benchmark --data ../shared/data/Set5,../shared/data/Set14,"
                + "../shared/data/B100 --protocol benchmark --scales 2,3,4,6,12,18,24,30 --limit 20"), plan.toString());
        assertTrue(PaperTable.TABLE5.plan().contains("eval celebahq-32-256-liif faces --data runs/holdout/celebahq-test"
                + " --protocol whole-image --input-size 32 --scales 8"), PaperTable.TABLE5.plan().toString());
        for (PaperTable table : PaperTable.values()) {
            for (TableRow row : table.rows()) {
                assertTrue(Files.isRegularFile(ROOT.resolve(row.config())), row.config());
            }
        }
    }
}
