package org.liifviewer.training.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a row's run folder holds once {@code training/run-table.sh} has trained and evaluated it: the training log
 * ({@code log.csv}: iterations done and the seconds each took), and per evaluation the JSON summary of
 * {@code liif eval} ({@code eval-NAME.json}) and how long it took ({@code eval-NAME.seconds}, optional).
 *
 * @param iterations   the last iteration of the log
 * @param trainSeconds the sum of the log's per-iteration seconds (JVM starts and restarts not counted)
 * @param evalSeconds  the evaluations' seconds together, NaN when not recorded
 * @param evaluations  the JSON summaries by evaluation name
 */
public record RunRecord(long iterations, double trainSeconds, double evalSeconds, Map<String, JsonNode> evaluations) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads {@code runDir}.
     *
     * @throws IOException naming the missing or unreadable file
     */
    public static RunRecord read(Path runDir, List<String> evaluationNames) throws IOException {
        Path log = runDir.resolve("log.csv");
        if (!Files.isRegularFile(log)) {
            throw new IOException(log + ": missing (the row was not trained)");
        }
        long iterations = 0;
        double seconds = 0;
        List<String> lines = Files.readAllLines(log);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] cells = line.split(",");
            if (cells.length != 4) {
                throw new IOException(log + ": a row without 4 cells: " + line);
            }
            iterations = Long.parseLong(cells[0]);
            seconds += Double.parseDouble(cells[3]);
        }
        Map<String, JsonNode> evaluations = new LinkedHashMap<>();
        double evalSeconds = 0;
        for (String name : evaluationNames) {
            Path json = runDir.resolve("eval-" + name + ".json");
            if (!Files.isRegularFile(json)) {
                throw new IOException(json + ": missing (the row was not evaluated)");
            }
            evaluations.put(name, JSON.readTree(json.toFile()));
            Path timing = runDir.resolve("eval-" + name + ".seconds");
            evalSeconds += Files.isRegularFile(timing) ? Double.parseDouble(Files.readString(timing).strip())
                    : Double.NaN;
        }
        return new RunRecord(iterations, seconds, evalSeconds, evaluations);
    }

    /**
     * The mean PSNR of {@code method} ({@code model} or {@code bicubic}) at {@code scale} in evaluation
     * {@code name}, over all its images or, when {@code set} is given, over one set's; NaN where there is none.
     */
    public double psnr(String name, String set, String method, int scale) {
        JsonNode node = evaluations.get(name);
        if (set != null && node.has("sets")) {
            node = node.get("sets").get(set);
        }
        JsonNode value = node == null ? null : node.path(method).get(Integer.toString(scale));
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }
}
