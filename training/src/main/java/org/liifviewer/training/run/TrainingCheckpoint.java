package org.liifviewer.training.run;

import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.training.graph.LiifGraph;
import org.liifviewer.training.graph.ParameterLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resumable training state as three LIIF Viewer model files written with {@link ModelFiles} (each atomic):
 * {@code NAME.safetensors} holds the weights (a normal model the viewer opens) and the metadata
 * ({@value #ITERATION}, {@value #SEED}, {@value #CONFIG}, ...); {@code NAME.adam-m.safetensors} and
 * {@code NAME.adam-v.safetensors} hold Adam's moments under the weights' names (the model-file format accepts only
 * the architecture's tensors, so the moments cannot be extra tensors of the first file). The moment files are
 * written first and carry the same iteration, which {@link #load} checks, so a crash between writes is detected.
 * The data stream's state is the iteration itself: batch i always holds samples i·B .. i·B+B-1 of the seeded stream.
 */
public final class TrainingCheckpoint {

    static final String ITERATION = "training.iteration";
    static final String SEED = "training.seed";
    static final String CONFIG = "training.config";
    static final String ADAM_STEPS = "training.adam_steps";
    static final String LEARNING_RATE = "training.lr";
    static final String LOSS = "training.loss";

    private TrainingCheckpoint() {
    }

    /** Weights, optimizer moments and the iteration read back from a checkpoint. */
    public record State(LiifModelFile model, Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments,
                        long iteration, long adamSteps) {
    }

    /** Writes the state after {@code iteration} completed iterations to {@code file} and its two companions. */
    public static void save(Path file, LiifGraph graph, AdamOptimizer adam, long iteration, TrainConfig config,
                            double lr, double loss) throws IOException {
        ParameterLayout layout = graph.layout();
        Map<String, String> tag = Map.of(ITERATION, Long.toString(iteration));
        ModelFiles.save(new LiifModelFile(graph.spec(), layout.toWeights(adam.firstMoments()), tag),
                companion(file, "adam-m"));
        ModelFiles.save(new LiifModelFile(graph.spec(), layout.toWeights(adam.secondMoments()), tag),
                companion(file, "adam-v"));
        Map<String, String> metadata = new LinkedHashMap<>(tag);
        metadata.put(SEED, Long.toString(config.seed()));
        metadata.put(ADAM_STEPS, Long.toString(adam.steps()));
        metadata.put(LEARNING_RATE, Double.toString(lr));
        metadata.put(LOSS, Double.toString(loss));
        metadata.put(CONFIG, config.toYaml());
        ModelFiles.save(new LiifModelFile(graph.spec(), graph.toWeights(), metadata), file);
    }

    /** Reads a checkpoint written by {@link #save}; moments come back as {@code dtype} graph tensors. */
    public static State load(Path file, DataType dtype) throws IOException {
        LiifModelFile model = ModelFiles.load(file);
        String iteration = model.metadata().get(ITERATION);
        if (iteration == null) {
            throw new ModelFormatException(file.getFileName() + " is a model, not a training checkpoint (no "
                    + ITERATION + ")");
        }
        LiifModelFile m = ModelFiles.load(companion(file, "adam-m"));
        LiifModelFile v = ModelFiles.load(companion(file, "adam-v"));
        for (LiifModelFile moments : new LiifModelFile[]{m, v}) {
            if (!iteration.equals(moments.metadata().get(ITERATION))) {
                throw new ModelFormatException("optimizer state next to " + file.getFileName()
                        + " belongs to another iteration (" + moments.metadata().get(ITERATION) + " vs " + iteration + ")");
            }
        }
        ParameterLayout layout = ParameterLayout.of(model.spec());
        return new State(model, layout.toGraph(m.weights(), dtype), layout.toGraph(v.weights(), dtype),
                Long.parseLong(iteration), Long.parseLong(model.metadata().get(ADAM_STEPS)));
    }

    /** {@code dir/NAME.safetensors} -> {@code dir/NAME.<kind>.safetensors}. */
    static Path companion(Path file, String kind) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
        return file.resolveSibling(stem + "." + kind + ".safetensors");
    }
}
