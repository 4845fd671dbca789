package org.liifviewer.core.model.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
}
