package org.liifviewer.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.Callable;
import org.liifviewer.core.bench.DecodeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liif bench}: decoding speed on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure decoding speed on this machine.",
                "Full-size EDSR-baseline-LIIF (random weights): encoder ms per megapixel, decoder output px/s at x4",
                "and x30, the backend's GEMM GFLOP/s, bound_ratio, and 1280x800 viewport latency at x2, x4, x30."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print the figures as one JSON object on the last line")
    boolean json;

    @Option(names = "--quick", description = "smaller sizes (for a smoke run; figures are not comparable)")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> figures = new DecodeBenchmark(System.out::println).run(quick);
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(figures));
        }
        return 0;
    }
}
