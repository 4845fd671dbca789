package org.liifviewer.core.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;

/**
 * The moving averages of a model's weights, which a training checkpoint keeps as training state
 * ({@code optimizer.<weight>.ema}) when its run sets {@code ema_decay}; a trained model ships them in place of
 * the last step's weights.
 */
public final class AveragedModel {

    /** Suffix of an average's training-state tensor. */
    public static final String SUFFIX = ".ema";
    /** Metadata key of the averages' decay per iteration. */
    public static final String DECAY = "training.ema_decay";
    /**
     * Metadata key of a checkpoint that leaves out the averages equal to their weights (those of frozen weights):
     * its value is how many; each of those weights is its own average.
     */
    public static final String SAME_AS_WEIGHTS = "training.ema_same_as_weights";

    private AveragedModel() {
    }

    /**
     * The LIIF model of a training checkpoint with its moving-average weights, the metadata noting the averaging.
     *
     * @throws ModelFormatException if the file keeps no averages
     */
    public static LiifModelFile load(Path file) throws IOException {
        LiifModelFile model = ModelFiles.load(file);
        TensorFile contents = ModelFiles.loadTensors(file);
        Optional<Weights> averages;
        try {
            averages = of(contents);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file.getFileName() + ": " + e.getMessage(), e);
        }
        if (averages.isEmpty()) {
            throw new ModelFormatException(file.getFileName() + " keeps no moving averages of its weights (train"
                    + " with ema_decay in the config)");
        }
        Map<String, String> metadata = new LinkedHashMap<>(model.metadata());
        metadata.put("weights", "moving average (decay " + model.metadata().get(DECAY) + ")");
        LiifModelFile averaged = new LiifModelFile(model.spec(), averages.get(), metadata);
        averaged.validate();
        return averaged;
    }

    /**
     * The averages a file keeps, under the weights' names; a weight without one is its own average where the file
     * says it left those out ({@value #SAME_AS_WEIGHTS}).
     *
     * @throws ModelFormatException when some weights have one and others not, and the file does not say why
     */
    public static Optional<Weights> of(TensorFile contents) throws ModelFormatException {
        if (!contents.metadata().containsKey(SAME_AS_WEIGHTS)) {
            return contents.stateOfEachWeight(SUFFIX);
        }
        Map<String, org.liifviewer.core.model.Tensor> all = new LinkedHashMap<>(contents.weights().asMap());
        contents.weights().names().forEach(name -> {
            org.liifviewer.core.model.Tensor t = contents.trainingState().asMap().get(TensorFile.stateName(name, SUFFIX));
            if (t != null) {
                all.put(name, t);
            }
        });
        return Optional.of(new Weights(all));
    }
}
