package org.liifviewer.training.run;

import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
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
 * A resumable training state in one LIIF Viewer checkpoint file, written atomically with
 * {@link ModelFiles#saveCheckpoint}: the weights (a normal model the viewer opens), Adam's moments as training-state
 * tensors {@code optimizer.<weight>.m} / {@code optimizer.<weight>.v} (ignored by plain model loading), and the
 * metadata ({@value #ITERATION}, {@value #SEED}, {@value #CONFIG}, ...). The data stream's state is the iteration
 * itself: batch i always holds samples i·B .. i·B+B-1 of the seeded stream.
 */
public final class TrainingCheckpoint {

    static final String ITERATION = "training.iteration";
    static final String SEED = "training.seed";
    static final String CONFIG = "training.config";
    static final String ADAM_STEPS = "training.adam_steps";
    static final String LEARNING_RATE = "training.lr";
    static final String LOSS = "training.loss";
    private static final String MOMENTS = "optimizer.";

    private TrainingCheckpoint() {
    }

    /** Weights, optimizer moments and the iteration read back from a checkpoint. */
    public record State(LiifModelFile model, Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments,
                        long iteration, long adamSteps) {
    }

    /** Writes the state after {@code iteration} completed iterations to {@code file}. */
    public static void save(Path file, LiifGraph graph, AdamOptimizer adam, long iteration, TrainConfig config,
                            double lr, double loss) throws IOException {
        ParameterLayout layout = graph.layout();
        Map<String, Tensor> moments = new LinkedHashMap<>();
        layout.toWeights(adam.firstMoments()).asMap().forEach((k, t) -> moments.put(MOMENTS + k + ".m", t));
        layout.toWeights(adam.secondMoments()).asMap().forEach((k, t) -> moments.put(MOMENTS + k + ".v", t));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ITERATION, Long.toString(iteration));
        metadata.put(SEED, Long.toString(config.seed()));
        metadata.put(ADAM_STEPS, Long.toString(adam.steps()));
        metadata.put(LEARNING_RATE, Double.toString(lr));
        metadata.put(LOSS, Double.toString(loss));
        metadata.put(CONFIG, config.toYaml());
        ModelFiles.saveCheckpoint(new LiifModelFile(graph.spec(), graph.toWeights(), metadata), new Weights(moments), file);
    }

    /** Reads a checkpoint written by {@link #save}; moments come back as {@code dtype} graph tensors. */
    public static State load(Path file, DataType dtype) throws IOException {
        LiifModelFile model = ModelFiles.load(file);
        String iteration = model.metadata().get(ITERATION);
        if (iteration == null) {
            throw new ModelFormatException(file.getFileName() + " is a model, not a training checkpoint (no "
                    + ITERATION + ")");
        }
        Map<String, Tensor> state = ModelFiles.loadTrainingState(file).asMap();
        ParameterLayout layout = ParameterLayout.of(model.spec());
        return new State(model, layout.toGraph(moments(state, model, ".m", file), dtype),
                layout.toGraph(moments(state, model, ".v", file), dtype),
                Long.parseLong(iteration), Long.parseLong(model.metadata().get(ADAM_STEPS)));
    }

    /** One moment of every weight, under the weights' names; fails clearly when one is missing. */
    private static Weights moments(Map<String, Tensor> state, LiifModelFile model, String suffix, Path file)
            throws ModelFormatException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : model.weights().names()) {
            Tensor t = state.get(MOMENTS + name + suffix);
            if (t == null) {
                throw new ModelFormatException(file.getFileName() + " has no optimizer state for " + name
                        + " (a model, not a resumable checkpoint)");
            }
            out.put(name, t);
        }
        return new Weights(out);
    }
}
