package org.liifviewer.core.model.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

/**
 * The uninterpreted contents of a LIIF Viewer safetensors file: what {@link ModelFiles#loadTensors} reads and
 * {@link ModelFiles#saveTensors} writes, for models other than LIIF (e.g. the paper's baselines).
 *
 * @param format        the header's {@code __metadata__.format} ({@code liif-viewer} for LIIF models)
 * @param metadata      the other {@code __metadata__} strings
 * @param weights       the model's tensors
 * @param trainingState tensors named {@code optimizer.*}; empty for plain model files
 */
public record TensorFile(String format, Map<String, String> metadata, Weights weights, Weights trainingState) {

    public TensorFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(trainingState, "trainingState");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The name of a weight's training-state tensor of kind {@code suffix}: {@code optimizer.<weight><suffix>}. */
    public static String stateName(String weight, String suffix) {
        return SafetensorsFormat.TRAINING_STATE_PREFIX + weight + suffix;
    }

    /**
     * The training-state tensor {@code optimizer.<weight><suffix>} of every weight (e.g. suffix {@code .m} for
     * Adam's first moments), under the weights' names; empty when the file keeps none of that kind.
     *
     * @throws ModelFormatException when some weights have one and others not
     */
    public Optional<Weights> stateOfEachWeight(String suffix) throws ModelFormatException {
        Map<String, Tensor> state = trainingState.asMap();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : weights.names()) {
            Tensor t = state.get(stateName(name, suffix));
            if (t != null) {
                out.put(name, t);
            }
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        if (out.size() < weights.names().size()) {
            throw new ModelFormatException("incomplete training state: " + out.size() + " of "
                    + weights.names().size() + " weights have a '" + suffix + "' tensor");
        }
        return Optional.of(new Weights(out));
    }
}
