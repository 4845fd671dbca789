package org.liifviewer.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete model as stored in a file: architecture, weights and free-form metadata.
 *
 * @param spec     the architecture
 * @param weights  the tensors, named like the official state_dict keys
 * @param metadata extra information (training epoch, provenance, ...); may be empty, never null
 */
public record LiifModelFile(LiifSpec spec, Weights weights, Map<String, String> metadata) {

    public LiifModelFile {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        metadata.forEach((k, v) -> Objects.requireNonNull(v, () -> "metadata value of '" + k + "'"));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Checks that the weights are exactly those the architecture needs (see {@link TensorLayout#check}).
     *
     * @throws ModelFormatException naming the first missing, mis-shaped or unexpected tensor
     */
    public void validate() throws ModelFormatException {
        TensorLayout.check(spec, weights);
    }
}
