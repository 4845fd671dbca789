package org.liifviewer.training.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The LIIF paper's Tables 3, 4 and 5 as {@code training/run-table.sh} reproduces them at our scale: their rows (run,
 * config, the paper's numbers), the evaluations each row gets, and the plan the script follows.
 */
public enum PaperTable {

    /** Ablation of the design choices (paper Table 3, DIV2K validation, PSNR). */
    TABLE3(3, "Quantitative ablation study on design choices of LIIF", List.of(
            TableRow.scales("ablation-liif", "LIIF", 34.67, 30.96, 29.00, 26.75, 23.71, 22.17, 21.18, 20.48),
            TableRow.scales("ablation-c", "LIIF (-c)", 34.53, 30.92, 28.97, 26.73, 23.72, 22.19, 21.19, 20.51),
            TableRow.scales("ablation-u", "LIIF (-u)", 34.64, 30.94, 28.98, 26.73, 23.69, 22.16, 21.17, 20.47),
            TableRow.scales("ablation-e", "LIIF (-e)", 34.63, 30.95, 28.97, 26.72, 23.66, 22.13, 21.14, 20.45),
            TableRow.scales("ablation-d", "LIIF (-d)", 34.65, 30.94, 28.98, 26.71, 23.64, 22.10, 21.12, 20.42))),

    /** Training for one scale only (paper Table 4, DIV2K validation, PSNR). */
    TABLE4(4, "Quantitative ablation study on training with a specific up-sampling scale", List.of(
            TableRow.scales("ablation-liif", "LIIF", 34.67, 30.96, 29.00, 26.75, 23.71, 22.17, 21.18, 20.48),
            TableRow.scales("ablation-x2", "LIIF (x2-only)", 34.71, 30.72, 28.77, 26.51, 23.54, 22.05, 21.09, 20.40),
            TableRow.scales("ablation-x3", "LIIF (x3-only)", 34.32, 30.98, 28.99, 26.71, 23.68, 22.15, 21.17, 20.48),
            TableRow.scales("ablation-x4", "LIIF (x4-only)", 34.08, 30.87, 29.00, 26.77, 23.74, 22.21, 21.21, 20.51))),

    /** Learning with size-varied ground truths (paper Table 5, CelebA-HQ, PSNR). */
    TABLE5(5, "Comparison of learning with size-varied ground-truths", List.of(
            TableRow.whole("celebahq-64-128-upsample", "Up-sampling modules", 64, 128, 34.78),
            TableRow.whole("celebahq-64-128-liif", "LIIF", 64, 128, 35.96),
            TableRow.whole("celebahq-32-256-upsample", "Up-sampling modules", 32, 256, 27.56),
            TableRow.whole("celebahq-32-256-liif", "LIIF", 32, 256, 27.74)));

    /** The scales of Tables 3 and 4: in-distribution x2-x4, out-of-distribution x6-x30. */
    public static final List<Integer> SCALES = List.of(2, 3, 4, 6, 12, 18, 24, 30);

    /** Images of B100 scored (its first, by name), to keep the evaluation within the budget; Set5 and Set14 whole. */
    public static final int BENCHMARK_LIMIT = 20;

    /** The validation split held out of the 2K training images (training/make-holdout.sh). */
    public static final String VALIDATION = "runs/holdout/2k-val";

    /** The CelebA-HQ faces held out for testing (training/make-holdout.sh). */
    public static final String FACES = "runs/holdout/celebahq-test";

    /** The benchmark sets, relative to the repository root. */
    public static final List<String> BENCHMARKS = List.of("Set5", "Set14", "B100");

    private final int number;
    private final String title;
    private final List<TableRow> rows;

    PaperTable(int number, String title, List<TableRow> rows) {
        this.number = number;
        this.title = title;
        this.rows = rows;
    }

    public int number() {
        return number;
    }

    /** The paper's caption, shortened. */
    public String title() {
        return title;
    }

    public List<TableRow> rows() {
        return rows;
    }

    /** Whether the rows are scored at {@link #SCALES} (Tables 3 and 4) rather than on a whole-image task. */
    public boolean byScale() {
        return this != TABLE5;
    }

    /** The table numbered {@code number} (3, 4 or 5). */
    public static PaperTable of(int number) {
        for (PaperTable t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        throw new IllegalArgumentException("no table " + number + ": 3, 4 or 5");
    }

    /**
     * An evaluation of a row's model: {@code liif eval --model RUN/model.safetensors ARGS --json}, whose output the
     * script keeps as {@code RUN/eval-NAME.txt} and its JSON line as {@code RUN/eval-NAME.json}.
     */
    public record Evaluation(String name, List<String> args) {
    }

    /** The evaluations of {@code row}. */
    public List<Evaluation> evaluations(TableRow row) {
        String scales = SCALES.stream().map(String::valueOf).collect(Collectors.joining(","));
        if (row.task() != null) {
            return List.of(new Evaluation("faces", List.of("--data", FACES, "--protocol", "whole-image",
                    "--input-size", Integer.toString(row.task().inputSize()),
                    "--scales", Integer.toString(row.task().scale()))));
        }
        String benchmarks = BENCHMARKS.stream().map(s -> "../shared/data/" + s).collect(Collectors.joining(","));
        return List.of(
                new Evaluation("val", List.of("--data", VALIDATION, "--protocol", "div2k", "--scales", scales)),
                new Evaluation("benchmark", List.of("--data", benchmarks, "--protocol", "benchmark", "--scales", scales,
                        "--limit", Integer.toString(BENCHMARK_LIMIT))));
    }

    /**
     * What {@code training/run-table.sh} does, one step a line, row by row: {@code train KEY CONFIG}, then
     * {@code eval KEY NAME ARGS...} for each of the row's evaluations (so that a row's record is complete before
     * the next row trains).
     */
    public List<String> plan() {
        List<String> lines = new ArrayList<>();
        for (TableRow row : rows) {
            lines.add("train " + row.key() + " " + row.config());
            for (Evaluation e : evaluations(row)) {
                lines.add(String.format(Locale.ROOT, "eval %s %s %s", row.key(), e.name(), String.join(" ", e.args())));
            }
        }
        return lines;
    }
}
