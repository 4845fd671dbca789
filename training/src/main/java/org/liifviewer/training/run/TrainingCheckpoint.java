package org.liifviewer.training.run;

import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.AveragedModel;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.model.io.TensorFile;
import org.liifviewer.training.graph.TrainableGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A resumable training state in one LIIF Viewer checkpoint file, written atomically by the model
 * ({@link TrainableGraph#save}): the weights (a normal model file: LIIF, or a baseline), Adam's moments as
 * training-state tensors {@code optimizer.<weight>.m} / {@code optimizer.<weight>.v} (ignored by plain model
 * loading), the parameters' moving averages when the run keeps them ({@code optimizer.<weight>.ema}, see
 * {@link WeightAverage}), and the metadata ({@value #ITERATION}, {@value #SEED}, {@value #CONFIG}, ...). The data stream's state
 * is the iteration itself: batch i always holds samples i·B .. i·B+B-1 of the seeded stream.
 */
public final class TrainingCheckpoint {

    static final String ITERATION = "training.iteration";
    static final String SEED = "training.seed";
    static final String CONFIG = "training.config";
    static final String ADAM_STEPS = "training.adam_steps";
    static final String LEARNING_RATE = "training.lr";
    static final String LOSS = "training.loss";
    private static final String STATE = "optimizer.";
    private static final String FIRST_MOMENT = ".m";
    private static final String SECOND_MOMENT = ".v";

    private TrainingCheckpoint() {
    }

    /**
     * Weights, optimizer moments (official names and shapes) and progress read back from a checkpoint.
     *
     * @param metadata the file's metadata, {@value #CONFIG} (the run's YAML config) included
     * @param averages the parameters' moving averages, when the run keeps them
     */
    public record State(Weights weights, Map<String, String> metadata, Weights firstMoments, Weights secondMoments,
                        Optional<Weights> averages, long iteration, long adamSteps) {
    }

    /**
     * Writes the state after {@code iteration} completed iterations to {@code file}.
     *
     * @param average the run's moving averages, or null when it keeps none
     */
    public static void save(Path file, TrainableGraph graph, AdamOptimizer adam, WeightAverage average, long iteration,
                            TrainConfig config, double lr, double loss) throws IOException {
        Map<String, Tensor> moments = new LinkedHashMap<>();
        graph.toWeights(adam.firstMoments()).asMap().forEach((k, t) -> moments.put(STATE + k + FIRST_MOMENT, t));
        graph.toWeights(adam.secondMoments()).asMap().forEach((k, t) -> moments.put(STATE + k + SECOND_MOMENT, t));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ITERATION, Long.toString(iteration));
        metadata.put(SEED, Long.toString(config.seed()));
        metadata.put(ADAM_STEPS, Long.toString(adam.steps()));
        metadata.put(LEARNING_RATE, Double.toString(lr));
        metadata.put(LOSS, Double.toString(loss));
        if (average != null) {
            graph.toWeights(average.averages()).asMap()
                    .forEach((k, t) -> moments.put(STATE + k + AveragedModel.SUFFIX, t));
            metadata.put(AveragedModel.DECAY, Double.toString(average.decay()));
        }
        metadata.put(CONFIG, config.toYaml());
        graph.save(file, metadata, new Weights(moments));
    }

    /** Reads a checkpoint written by {@link #save} (of any model kind). */
    public static State load(Path file) throws IOException {
        TensorFile contents = ModelFiles.loadTensors(file);
        Map<String, String> metadata = contents.metadata();
        String iteration = metadata.get(ITERATION);
        if (iteration == null || metadata.get(CONFIG) == null) {
            throw new ModelFormatException(file.getFileName() + " is a model, not a training checkpoint (no "
                    + ITERATION + ")");
        }
        return new State(contents.weights(), metadata, moments(contents, FIRST_MOMENT, file),
                moments(contents, SECOND_MOMENT, file), contents.stateOfEachWeight(AveragedModel.SUFFIX),
                Long.parseLong(iteration), Long.parseLong(metadata.get(ADAM_STEPS)));
    }

    /** One kind of Adam moment of every weight; fails clearly when the file keeps none. */
    private static Weights moments(TensorFile contents, String suffix, Path file) throws ModelFormatException {
        return contents.stateOfEachWeight(suffix).orElseThrow(() -> new ModelFormatException(file.getFileName()
                + " has no optimizer state (a model, not a resumable checkpoint)"));
    }
}
