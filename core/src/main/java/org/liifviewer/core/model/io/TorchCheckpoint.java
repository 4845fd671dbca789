package org.liifviewer.core.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

/**
 * What a viewer needs from an unpickled official training checkpoint
 * {@code {'model': {'name', 'args', 'sd'}, 'optimizer': ..., 'epoch': N}}: the model spec, the state_dict,
 * and the top-level scalars (such as {@code epoch}) as metadata. The optimizer state is ignored. A bare state_dict
 * (a dict of tensors, as torchvision's pretrained weights) has no spec.
 */
record TorchCheckpoint(Map<String, Object> spec, Map<String, PickledTensor> stateDict, Map<String, String> metadata) {

    /** How a reader takes the unpickled root object: {@link #of} or {@link #bare}. */
    interface Interpretation {
        TorchCheckpoint of(Object root) throws ModelFormatException;
    }

    /** What a reader makes of the checkpoint and its storages: {@link #toModel} or {@link #tensors}. */
    interface Result<T> {
        T of(TorchCheckpoint checkpoint, StorageSource source) throws IOException;
    }

    /** Supplies the raw little-endian bytes of a storage. */
    interface StorageSource {
        ByteBuffer bytes(StorageRef storage) throws IOException;
    }

    /** The tensors of a bare state_dict, the root object itself (no spec, no metadata). */
    static TorchCheckpoint bare(Object root) throws ModelFormatException {
        if (!(root instanceof Map<?, ?> sd)) {
            throw new ModelFormatException("the file is not a state_dict (a dict of tensors)");
        }
        return new TorchCheckpoint(null, tensors(sd), Map.of());
    }

    /** Picks the parts out of the checkpoint's root object. */
    static TorchCheckpoint of(Object root) throws ModelFormatException {
        if (!(root instanceof Map<?, ?> top)) {
            throw new ModelFormatException("the checkpoint is not a dict");
        }
        if (!(top.get("model") instanceof Map<?, ?> model)) {
            throw new ModelFormatException("the checkpoint has no 'model' entry with the architecture"
                    + " (a bare state_dict does not say which model it belongs to)");
        }
        if (!(model.get("sd") instanceof Map<?, ?> sd)) {
            throw new ModelFormatException("the checkpoint's 'model' entry has no state_dict 'sd'");
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", model.get("name"));
        spec.put("args", model.get("args"));
        Map<String, PickledTensor> tensors = tensors(sd);
        Map<String, String> metadata = new LinkedHashMap<>();
        top.forEach((k, v) -> {
            if (k instanceof String key && (v instanceof String || v instanceof Number || v instanceof Boolean)) {
                metadata.put(key, v.toString());
            }
        });
        return new TorchCheckpoint(spec, tensors, metadata);
    }

    private static Map<String, PickledTensor> tensors(Map<?, ?> sd) throws ModelFormatException {
        Map<String, PickledTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : sd.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof PickledTensor t)) {
                throw new ModelFormatException("the state_dict holds an entry that is not a named tensor: "
                        + e.getKey());
            }
            tensors.put(name, t);
        }
        return tensors;
    }

    /** The storages the state_dict's tensors live in. */
    Set<StorageRef> storages() {
        return stateDict.values().stream().map(PickledTensor::storage).collect(Collectors.toSet());
    }

    /** Reads the tensors and parses the spec against them (the result is not yet validated). */
    LiifModelFile toModel(StorageSource source) throws IOException {
        Weights weights = tensors(source);
        return new LiifModelFile(OfficialSpec.parse(spec, weights), weights, metadata);
    }

    /** Reads the tensors. */
    Weights tensors(StorageSource source) throws IOException {
        Map<StorageRef, ByteBuffer> cache = new HashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, PickledTensor> e : stateDict.entrySet()) {
            StorageRef storage = e.getValue().storage();
            ByteBuffer bytes = cache.get(storage);
            if (bytes == null) {
                bytes = source.bytes(storage);
                cache.put(storage, bytes);
            }
            tensors.put(e.getKey(), e.getValue().read(e.getKey(), bytes));
        }
        return new Weights(tensors);
    }
}
