package org.liifviewer.training.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** Prints an {@link EvalResult} like the LIIF paper's Tables 1 and 2: methods as rows, scales as columns. */
public final class ResultTable {

    private static final String ROW = "%-28s";
    private static final String CELL = "%10s";
    private static final String NOT_APPLICABLE = "n/a";

    private ResultTable() {
    }

    /** One block per set (plus one over all images when there are several sets). */
    public static void print(EvalResult result, PrintStream out) {
        out.printf(Locale.ROOT, "model %s, protocol %s (%s); PSNR in dB, SSIM on Y, gradient ratio = mean Sobel"
                        + " magnitude of Y over the ground truth's%n",
                result.modelName(), result.protocol().label(), result.protocol().description());
        for (String set : result.sets()) {
            int images = result.scores(set, Method.BICUBIC, result.scales().get(0)).size();
            out.printf(Locale.ROOT, "%n%s (%d image%s)%n", set, images, images == 1 ? "" : "s");
            printBlock(result, out, Means.ofSet(result, set));
            row(out, "LR input", result.scales(), s -> lrSources(result, set, s));
        }
        if (result.sets().size() > 1) {
            out.printf(Locale.ROOT, "%nall sets (mean over all images)%n");
            printBlock(result, out, Means.all(result));
        }
        out.printf(Locale.ROOT, "%nLR input: %s%n", result.scores().stream().map(ImageScore::source).distinct().sorted()
                .map(s -> s.label() + " = " + s.description()).collect(Collectors.joining("; ")));
    }

    private static void printBlock(EvalResult result, PrintStream out, Means means) {
        row(out, "PSNR", result.scales(), s -> "x" + s);
        for (Method m : result.methods()) {
            row(out, m.title(), result.scales(), s -> format("%.2f", means.of(Metric.PSNR, m, s)));
        }
        for (Method m : result.methods()) {
            row(out, "SSIM " + m.label(), result.scales(), s -> format("%.4f", means.of(Metric.SSIM, m, s)));
        }
        for (Method m : result.methods()) {
            row(out, "gradient ratio " + m.label(), result.scales(),
                    s -> format("%.3f", means.of(Metric.GRADIENT_RATIO, m, s)));
        }
        for (Method m : result.hasLpips() ? result.methods() : List.<Method>of()) {
            row(out, "LPIPS " + m.label(), result.scales(), s -> format("%.4f", means.of(Metric.LPIPS, m, s)));
        }
    }

    /** The value, or {@value #NOT_APPLICABLE} where the method did not run (a baseline's unsupported scale). */
    private static String format(String pattern, double value) {
        return Double.isNaN(value) ? NOT_APPLICABLE : String.format(Locale.ROOT, pattern, value);
    }

    private static void row(PrintStream out, String title, List<Integer> scales, IntFunction<String> cell) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, ROW, title));
        scales.forEach(s -> line.append(String.format(Locale.ROOT, CELL, cell.apply(s))));
        out.println(line.toString().stripTrailing());
    }

    private static String lrSources(EvalResult result, String set, int scale) {
        return result.scores(set, Method.BICUBIC, scale).stream().map(s -> s.source().label()).distinct()
                .sorted().collect(Collectors.joining("+"));
    }
}
