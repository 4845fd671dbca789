package org.liifviewer.training.experiments;

import org.liifviewer.training.run.TrainConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes {@code docs/experiments/tableN.md}: our numbers, read from the rows' run folders ({@link RunRecord}), beside
 * the paper's, the budget the runs took, and, computed from both, where the comparisons the paper draws come out the
 * same in our runs and where they do not. Nothing in it is typed in by hand but the paper's published numbers.
 */
public final class TableMarkdown {

    /** The paper's bicubic row on DIV2K validation (its Table 1), beside our bicubic on the validation split. */
    private static final double[] PAPER_BICUBIC = {31.01, 28.22, 26.66, 24.82, 22.27, 21.00, 20.19, 19.59};

    /** Differences smaller than this (dB) count as a tie when signs are compared. */
    private static final double TIE = 0.005;

    private final PaperTable table;
    private final Map<TableRow, RunRecord> runs = new LinkedHashMap<>();
    private final Map<TableRow, TrainConfig> configs = new LinkedHashMap<>();
    private final StringBuilder md = new StringBuilder();

    private TableMarkdown(PaperTable table, Path root, Path runsDir) throws IOException {
        this.table = table;
        for (TableRow row : table.rows()) {
            runs.put(row, RunRecord.read(runsDir.resolve(row.key()),
                    table.evaluations(row).stream().map(PaperTable.Evaluation::name).toList()));
            configs.put(row, TrainConfig.read(root.resolve(row.config())));
        }
    }

    /**
     * The markdown of {@code table} from the run folders under {@code runsDir} (one per row, named by its key), with
     * configs resolved against the repository {@code root}; {@code cores}: the machine's, for the CPU-hours.
     *
     * @throws IOException naming the first missing or unreadable file
     */
    public static String of(PaperTable table, Path root, Path runsDir, int cores) throws IOException {
        TableMarkdown t = new TableMarkdown(table, root, runsDir);
        t.header();
        t.budget(cores);
        if (table.byScale()) {
            t.validation();
            t.benchmarks();
            t.scaleVerdicts();
        } else {
            t.wholeImage();
            t.wholeImageVerdicts();
        }
        return t.md.toString();
    }

    private void header() {
        line("# Table %d at our scale: %s", table.number(), table.title().toLowerCase(Locale.ROOT));
        line("");
        line("Written by `training/run-table.sh %d`, which trains the rows that have no finished model, evaluates them"
                + " and rewrites this file. Every number marked *ours* was measured by it; the *paper*'s are the LIIF"
                + " paper's Table %d%s. Set-up, data split and what they change: [README.md](README.md).",
                table.number(), table.number(), table.byScale()
                        ? " (EDSR-baseline 16x64 encoder, 800 DIV2K images, 1000 epochs of batch 16; DIV2K validation)"
                        : " (EDSR-baseline 16x64 encoder, 25,000 training faces, 200 epochs of batch 16; 5,000 test"
                        + " faces)");
        line("");
    }

    private void budget(int cores) {
        line("## Budget");
        line("");
        line("| row | config | encoder | decoder | iterations x batch | training | s/iteration | evaluation |");
        line("|---|---|---|---|---|---|---|---|");
        double train = 0;
        double eval = 0;
        for (TableRow row : table.rows()) {
            RunRecord run = runs.get(row);
            TrainConfig config = configs.get(row);
            TrainConfig.Encoder e = config.model().encoder();
            line("| %s | `%s` | %s %dx%d%s | %s | %d x %d | %s | %.2f | %s |", label(row), row.config(), e.name(),
                    e.nResblocks(), e.nFeats(), frozenFrom(config), decoder(config), run.iterations(),
                    config.data().batchSize(), hours(run.trainSeconds()),
                    run.iterations() == 0 ? Double.NaN : run.trainSeconds() / run.iterations(),
                    hours(run.evalSeconds()));
            train += run.trainSeconds();
            eval += run.evalSeconds();
        }
        line("");
        line("Together: %s of training and %s of evaluation (wall-clock, the per-iteration times of the logs; JVM"
                + " starts not counted) on %d cores: at most %.1f CPU-hours.%s", hours(train), hours(eval), cores,
                (train + (Double.isNaN(eval) ? 0 : eval)) * cores / 3600, sharedRowNote());
        line("");
    }

    /** ", frozen (FILE)" for an encoder taken from a model file and kept frozen, else nothing. */
    private static String frozenFrom(TrainConfig config) {
        TrainConfig.Init init = config.init();
        return init != null && init.freeze() ? ", frozen (`" + init.model() + "`)" : "";
    }

    /** The decoder's hidden widths ("MLP 256-256"), or the model's name for a baseline ("upsampler"). */
    private static String decoder(TrainConfig config) {
        if (!config.model().isLiif()) {
            return config.model().name();
        }
        int[] hidden = config.model().hidden();
        StringBuilder s = new StringBuilder("MLP ");
        for (int i = 0; i < hidden.length; i++) {
            s.append(i == 0 ? "" : "-").append(hidden[i]);
        }
        return s.toString();
    }

    private String sharedRowNote() {
        return table.byScale() ? " The LIIF row is one run, shared by Tables 3 and 4." : "";
    }

    private void validation() {
        List<Integer> scales = PaperTable.SCALES;
        line("## Validation split held out of the 2K training images (ours) and DIV2K validation (paper)");
        line("");
        line("RGB PSNR (dB), shave = scale + 6. Ours: 2 photos (`%s`).", PaperTable.VALIDATION);
        line("");
        scaleHeader("method");
        for (TableRow row : table.rows()) {
            RunRecord run = runs.get(row);
            scaleRow(row.label() + " (ours)", s -> number(run.psnr("val", null, "model", s)));
            scaleRow(row.label() + " (paper)", s -> number(row.paper()[scales.indexOf(s)]));
        }
        RunRecord first = runs.get(table.rows().get(0));
        scaleRow("Bicubic (ours)", s -> number(first.psnr("val", null, "bicubic", s)));
        scaleRow("Bicubic (paper, Table 1)", s -> number(PAPER_BICUBIC[scales.indexOf(s)]));
        line("");
        line("Difference to the first row (%s minus the row), ours / paper:", table.rows().get(0).label());
        line("");
        scaleHeader("row");
        TableRow base = table.rows().get(0);
        for (TableRow row : table.rows().subList(1, table.rows().size())) {
            scaleRow(row.label(), s -> String.format(Locale.ROOT, "%+.2f / %+.2f", ours(base, row, s), paper(base, row, s)));
        }
        line("");
    }

    private void benchmarks() {
        line("## Set5, Set14 and B100 (ours only: the paper gives no ablation numbers on them)");
        line("");
        line("Y PSNR (dB), shave = scale; B100: its first %d images by name.", PaperTable.BENCHMARK_LIMIT);
        line("");
        for (String set : PaperTable.BENCHMARKS) {
            scaleHeader(set);
            for (TableRow row : table.rows()) {
                RunRecord run = runs.get(row);
                scaleRow(row.label(), s -> number(run.psnr("benchmark", set, "model", s)));
            }
            RunRecord first = runs.get(table.rows().get(0));
            scaleRow("Bicubic", s -> number(first.psnr("benchmark", set, "bicubic", s)));
            line("");
        }
    }

    private void scaleVerdicts() {
        line("## What agrees with the paper and what does not");
        line("");
        line("Per row, the sign of %s minus the row on the validation split, ours against the paper's (|difference| <"
                + " %.3f dB counts as a tie). One run per row on a short budget: differences of a few hundredths of a"
                + " dB may change with another seed (not measured).", table.rows().get(0).label(), TIE);
        line("");
        TableRow base = table.rows().get(0);
        for (TableRow row : table.rows().subList(1, table.rows().size())) {
            List<String> same = new ArrayList<>();
            List<String> differ = new ArrayList<>();
            double oursSum = 0;
            double paperSum = 0;
            for (int s : PaperTable.SCALES) {
                double o = ours(base, row, s);
                double p = paper(base, row, s);
                (sign(o) == sign(p) ? same : differ).add(String.format(Locale.ROOT, "x%d (%+.2f / %+.2f)", s, o, p));
                oursSum += o;
                paperSum += p;
            }
            int n = PaperTable.SCALES.size();
            line("- **%s**: the paper's sign at %d of %d scales%s%s. Mean difference %+.3f dB ours, %+.3f dB paper.",
                    row.label(), same.size(), n, same.isEmpty() ? "" : ": " + String.join(", ", same),
                    differ.isEmpty() ? "" : "; the other sign at " + String.join(", ", differ),
                    oursSum / n, paperSum / n);
        }
        line("");
    }

    private void wholeImage() {
        line("## Held-out faces");
        line("");
        line("RGB PSNR (dB) without shave, input and ground truth Pillow-bicubic resizes of the whole face (the"
                + " official test-celebAHQ configs). Ours: the 10 faces of `%s`; the paper: 5,000 test faces.",
                PaperTable.FACES);
        line("");
        line("| task | method | ours | paper |");
        line("|---|---|---|---|");
        TableRow.WholeImageTask last = null;
        for (TableRow row : table.rows()) {
            line("| %s | %s | %s | %s |", row.task().label(), row.label(), number(facesPsnr(row, "model")),
                    number(row.paper()[0]));
            last = row.task();
            if (isLastOfTask(row)) {
                line("| %s | Bicubic (MATLAB imresize of the input) | %s | - |", last.label(),
                        number(facesPsnr(row, "bicubic")));
            }
        }
        line("");
    }

    private boolean isLastOfTask(TableRow row) {
        List<TableRow> rows = table.rows();
        int i = rows.indexOf(row);
        return i == rows.size() - 1 || !rows.get(i + 1).task().equals(row.task());
    }

    private void wholeImageVerdicts() {
        line("## What agrees with the paper and what does not");
        line("");
        List<TableRow> rows = table.rows();
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            TableRow up = rows.get(i);
            TableRow liif = rows.get(i + 1);
            double ours = facesPsnr(liif, "model") - facesPsnr(up, "model");
            double paper = liif.paper()[0] - up.paper()[0];
            line("- **%s**: LIIF minus up-sampling modules = %+.2f dB ours, %+.2f dB paper: %s.", liif.task().label(),
                    ours, paper, sign(ours) == sign(paper)
                            ? "agrees (" + (sign(ours) > 0 ? "LIIF ahead" : sign(ours) < 0 ? "up-sampling modules ahead"
                            : "a tie") + ", as in the paper)"
                            : "does not agree (the paper has LIIF ahead)");
        }
        line("");
        List<String> belowBicubic = new ArrayList<>();
        for (TableRow row : rows) {
            if (facesPsnr(row, "model") < facesPsnr(row, "bicubic")) {
                belowBicubic.add(row.label() + " (" + row.task().label() + ")");
            }
        }
        if (!belowBicubic.isEmpty()) {
            line("Below bicubic: %s. A model that has not yet learned to beat bicubic up-sampling is undertrained"
                    + " at this budget, so its side of the comparison says more about the budget than about the"
                    + " method.", String.join(", ", belowBicubic));
            line("");
        }
        line("One run per method and task on 46 training faces: a difference of a few tenths of a dB may change with"
                + " another seed or split (not measured).");
    }

    private double facesPsnr(TableRow row, String method) {
        return runs.get(row).psnr("faces", null, method, row.task().scale());
    }

    private double ours(TableRow base, TableRow row, int scale) {
        return runs.get(base).psnr("val", null, "model", scale) - runs.get(row).psnr("val", null, "model", scale);
    }

    private static double paper(TableRow base, TableRow row, int scale) {
        int i = PaperTable.SCALES.indexOf(scale);
        return base.paper()[i] - row.paper()[i];
    }

    private static int sign(double difference) {
        return Math.abs(difference) < TIE ? 0 : difference > 0 ? 1 : -1;
    }

    private String label(TableRow row) {
        return row.task() == null ? row.label() : row.label() + " (" + row.task().label() + ")";
    }

    private void scaleHeader(String first) {
        StringBuilder head = new StringBuilder("| " + first + " |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int s : PaperTable.SCALES) {
            head.append(" x").append(s).append(" |");
            rule.append("---|");
        }
        line("%s", head);
        line("%s", rule);
    }

    private void scaleRow(String title, IntFunction<String> cell) {
        StringBuilder row = new StringBuilder("| " + title + " |");
        for (int s : PaperTable.SCALES) {
            row.append(' ').append(cell.apply(s)).append(" |");
        }
        line("%s", row);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String hours(double seconds) {
        return Double.isNaN(seconds) ? "not recorded" : String.format(Locale.ROOT, "%.2f h", seconds / 3600);
    }

    private void line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
