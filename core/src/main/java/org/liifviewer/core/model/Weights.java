package org.liifviewer.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named tensors of a model, keyed by the official PyTorch state_dict names
 * (e.g. {@code encoder.head.0.weight}, {@code imnet.layers.0.bias}), in insertion order.
 */
public final class Weights {

    private final Map<String, Tensor> tensors;

    public Weights(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** All tensors, in file order. */
    public Map<String, Tensor> asMap() {
        return tensors;
    }

    public Set<String> names() {
        return tensors.keySet();
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** The tensor called {@code name}; fails with a clear message when it is missing. */
    public Tensor get(String name) throws ModelFormatException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new ModelFormatException("model file lacks the tensor '" + name + "'");
        }
        return t;
    }

    /** The tensor called {@code name}, checked to have exactly the expected shape. */
    public Tensor get(String name, long... shape) throws ModelFormatException {
        Tensor t = get(name);
        if (!t.hasShape(shape)) {
            throw new ModelFormatException("tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(shape));
        }
        return t;
    }

    /** Total number of values over all tensors. */
    public long parameterCount() {
        return tensors.values().stream().mapToLong(t -> t.data().length).sum();
    }
}
