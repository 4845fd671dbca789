package org.liifviewer.training.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.liifviewer.core.io.AtomicFile;

/**
 * Writes an {@link EvalResult} as CSV: first the per-set means ({@code kind = mean}), then every
 * per-image score ({@code kind = image}).
 */
public final class CsvReport {

    static final String HEADER = "kind,set,image,scale,method,lr_source,lr_h,lr_w,hr_h,hr_w,psnr,ssim,gradient_ratio,lpips";

    private CsvReport() {
    }

    /** Writes {@code file}, replacing it atomically. */
    public static void write(EvalResult result, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (String set : result.sets()) {
            for (int scale : result.scales()) {
                for (Method m : result.methods()) {
                    if (result.scores(set, m, scale).isEmpty()) {
                        continue;       // a baseline's unsupported scale
                    }
                    lines.add(String.format(Locale.ROOT, "mean,%s,,%d,%s,,,,,,%.4f,%.5f,%.4f,%.4f", set, scale,
                            m.label(), result.mean(Metric.PSNR, set, m, scale), result.mean(Metric.SSIM, set, m, scale),
                            result.mean(Metric.GRADIENT_RATIO, set, m, scale), result.mean(Metric.LPIPS, set, m, scale)));
                }
            }
        }
        for (ImageScore s : result.scores()) {
            lines.add(String.format(Locale.ROOT, "image,%s,%s,%d,%s,%s,%d,%d,%d,%d,%.4f,%.5f,%.4f,%.4f", s.set(),
                    s.image(), s.scale(), s.method().label(), s.source().label(), s.lrH(), s.lrW(), s.hrH(), s.hrW(),
                    s.psnr(), s.ssim(), s.gradientRatio(), s.lpips()));
        }
        byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(text));
    }
}
