package org.liifviewer.training.eval;

import org.liifviewer.training.Shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.Weights;
import org.liifviewer.training.baseline.BaselineFiles;
import org.liifviewer.training.baseline.BaselineGraph;
import org.liifviewer.training.baseline.BaselineSpec;
import org.liifviewer.training.graph.PixelLoss;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code liif eval --model} with baseline files: a fixed-scale up-sampler reports n/a elsewhere, MetaSR does all. */
class BaselineEvalTest {

    private static final EncoderSpec.Edsr TINY = new EncoderSpec.Edsr("edsr-baseline", 1, 8, 1f);

    @TempDir
    Path dir;

    @Test
    void upsamplerX2IsNotApplicableAtX3() throws IOException {
        Path model = save(new BaselineSpec.Upsampler(TINY, 2));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        EvalResult result = Evaluator.run(new EvalOptions(model, List.of(Shared.set5()), EvalProtocol.BENCHMARK,
                List.of(2, 3), true, dir, 1), new PrintStream(stdout, true, StandardCharsets.UTF_8));
        assertEquals(1, result.scores("Set5", Method.MODEL, 2).size());
        assertEquals(0, result.scores("Set5", Method.MODEL, 3).size());
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        String modelRow = List.of(lines).stream().filter(l -> l.startsWith(Method.MODEL.title())).findFirst().orElseThrow();
        assertTrue(modelRow.trim().endsWith("n/a"), modelRow);
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertTrue(json.get("model").get("3").isNull(), json.toString());
        assertTrue(json.get("model").get("2").asDouble() > 5, json.toString());
    }

    @Test
    void metaSrDoesEveryScale() throws IOException {
        Path model = save(new BaselineSpec.MetaSr(TINY));
        EvalResult result = Evaluator.run(new EvalOptions(model, List.of(Shared.set5()), EvalProtocol.BENCHMARK,
                List.of(2, 3), false, null, 1), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(4, result.scores().size(), "1 image x 2 scales x 2 methods");
    }

    private Path save(BaselineSpec spec) throws IOException {
        Weights weights = BaselineGraph.initialised(spec, 1, DataType.FLOAT, PixelLoss.L1).toWeights();
        Path file = dir.resolve("baseline.safetensors");
        BaselineFiles.save(new BaselineFiles.Model(spec, weights, Map.of()), new Weights(Map.of()), file);
        assertEquals(spec, BaselineFiles.load(file).spec());
        return file;
    }
}
