package org.liifviewer.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liifviewer.core.io.AtomicFile;
import org.liifviewer.training.experiments.PaperTable;
import org.liifviewer.training.experiments.TableMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;

/**
 * {@code liif table}: the plan of a reproduced paper table (for {@code training/run-table.sh}) or its markdown from
 * the finished runs.
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = {"The LIIF paper's Table 3, 4 or 5 at our scale (docs/experiments/README.md).",
                "training/run-table.sh N trains and evaluates the rows, then runs this to write",
                "docs/experiments/tableN.md from their run folders."})
final class TableCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "N", description = "the table: 3, 4 or 5")
    int number;

    @Option(names = "--plan", description = "print the steps (train KEY CONFIG, eval KEY NAME ARGS...) and exit")
    boolean plan;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs/tables",
            description = "the rows' run folders, one per row key (default: ${DEFAULT-VALUE})")
    Path runs;

    @Option(names = "--out", paramLabel = "FILE", description = "write the markdown here (default: stdout)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PaperTable table = PaperTable.of(number);
        if (plan) {
            table.plan().forEach(System.out::println);
            return 0;
        }
        String markdown = TableMarkdown.of(table, Path.of(""), runs, Runtime.getRuntime().availableProcessors());
        if (out == null) {
            System.out.print(markdown);
        } else {
            byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(out, stream -> stream.write(bytes));
            System.out.println("wrote " + out);
        }
        return 0;
    }
}
