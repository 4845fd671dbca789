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
 * {@link WeightAverage}), and the metadata ({@value #ITERATION}, {@value #SEED}, {@value #CONFIG}, ...). The data
 * stream's state is the iteration itself: batch i always holds samples i·B .. i·B+B-1 of the seeded stream. A
 * {@link #saveWeightsOnly weights-only} copy drops Adam's moments: it resumes the run with Adam restarting.
 */
public final class TrainingCheckpoint {

    static final String ITERATION = "training.iteration";
    static final String SEED = "training.seed";
    static final String CONFIG = "training.config";
    static final String ADAM_STEPS = "training.adam_steps";
    static final String LEARNING_RATE = "training.lr";
    static final String LOSS = "training.loss";
    private static final String FIRST_MOMENT = ".m";
    private static final String SECOND_MOMENT = ".v";

    private TrainingCheckpoint() {
    }

    /**
     * Weights, optimizer state and progress read back from a checkpoint.
     *
     * @param metadata the file's metadata, {@value #CONFIG} (the run's YAML config) included
     * @param adam     Adam's state, absent in a {@link #saveWeightsOnly weights-only} copy
     * @param averages the parameters' moving averages, when the run keeps them
     * @param trainingState every {@code optimizer.*} tensor (e.g. a discriminator's weights)
     */
    public record State(Weights weights, Map<String, String> metadata, Optional<AdamState> adam,
                        Optional<Weights> averages, long iteration, Weights trainingState) {
    }

    /** Adam's moments (under the weights' official names and shapes) and its step count. */
    public record AdamState(Weights firstMoments, Weights secondMoments, long steps) {
    }

    /**
     * Writes the state after {@code iteration} completed iterations to {@code file}.
     *
     * @param average the run's moving averages, or null when it keeps none
     */
    public static void save(Path file, TrainableGraph graph, AdamOptimizer adam, WeightAverage average, long iteration,
                            TrainConfig config, double lr, double loss) throws IOException {
        Map<String, Tensor> state = new LinkedHashMap<>();
        putState(state, graph.toWeights(adam.firstMoments()), FIRST_MOMENT);
        putState(state, graph.toWeights(adam.secondMoments()), SECOND_MOMENT);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ITERATION, Long.toString(iteration));
        metadata.put(SEED, Long.toString(config.seed()));
        metadata.put(ADAM_STEPS, Long.toString(adam.steps()));
        metadata.put(LEARNING_RATE, Double.toString(lr));
        metadata.put(LOSS, Double.toString(loss));
        if (average != null) {
            putState(state, graph.toWeights(average.averages()), AveragedModel.SUFFIX);
            metadata.put(AveragedModel.DECAY, Double.toString(average.decay()));
        }
        metadata.put(CONFIG, config.toYaml());
        graph.save(file, metadata, new Weights(state));
    }

    /** Adds one training-state tensor of kind {@code suffix} per weight of {@code values} to {@code state}. */
    private static void putState(Map<String, Tensor> state, Weights values, String suffix) {
        values.asMap().forEach((name, t) -> state.put(TensorFile.stateName(name, suffix), t));
    }

    /** Reads a checkpoint written by {@link #save} (of any model kind). */
    public static State load(Path file) throws IOException {
        TensorFile contents = contents(file);
        Map<String, String> metadata = contents.metadata();
        Optional<Weights> first = contents.stateOfEachWeight(FIRST_MOMENT);
        Optional<Weights> second = contents.stateOfEachWeight(SECOND_MOMENT);
        if (first.isPresent() != second.isPresent()) {
            throw new ModelFormatException(file.getFileName() + " keeps only one of Adam's two moments");
        }
        Optional<AdamState> adam = first.map(m -> new AdamState(m, second.get(),
                Long.parseLong(metadata.get(ADAM_STEPS))));
        return new State(contents.weights(), metadata, adam, AveragedModel.of(contents),
                Long.parseLong(metadata.get(ITERATION)), contents.trainingState());
    }

    /**
     * Copies checkpoint {@code from} to {@code to} without Adam's moments, which are twice the size of the weights:
     * the weights, their moving averages, other training-state weights (a discriminator's) and the metadata stay, so
     * the copy loads as a model and resumes the run (with Adam restarting). An average equal to its weight (a frozen weight's) is left out and the metadata says
     * so ({@link AveragedModel#SAME_AS_WEIGHTS}). This is the form a checkpoint is kept in the repository.
     */
    public static void saveWeightsOnly(Path from, Path to) throws IOException {
        TensorFile contents = contents(from);
        Map<String, Tensor> kept = new LinkedHashMap<>();
        int same = 0;
        for (Map.Entry<String, Tensor> e : contents.weights().asMap().entrySet()) {
            Tensor average = contents.trainingState().asMap().get(TensorFile.stateName(e.getKey(), AveragedModel.SUFFIX));
            if (average != null && java.util.Arrays.equals(average.data(), e.getValue().data())) {
                same++;
            } else if (average != null) {
                kept.put(TensorFile.stateName(e.getKey(), AveragedModel.SUFFIX), average);
            }
        }
        contents.trainingState().asMap().forEach((name, t) -> {
            if (!name.endsWith(FIRST_MOMENT) && !name.endsWith(SECOND_MOMENT) && !name.endsWith(AveragedModel.SUFFIX)) {
                kept.put(name, t);
            }
        });
        Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
        metadata.remove(ADAM_STEPS);
        if (same > 0) {
            metadata.put(AveragedModel.SAME_AS_WEIGHTS, Integer.toString(same));
        }
        ModelFiles.saveTensors(new TensorFile(contents.format(), metadata, contents.weights(), new Weights(kept)),
                to);
    }

    private static TensorFile contents(Path file) throws IOException {
        TensorFile contents = ModelFiles.loadTensors(file);
        if (contents.metadata().get(ITERATION) == null || contents.metadata().get(CONFIG) == null) {
            throw new ModelFormatException(file.getFileName() + " is a model, not a training checkpoint (no "
                    + ITERATION + ")");
        }
        return contents;
    }
}
