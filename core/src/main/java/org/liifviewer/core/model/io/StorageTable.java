package org.liifviewer.core.model.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liifviewer.core.model.ModelFormatException;

/**
 * Resolves torch's persistent ids {@code ('storage', StorageType, key, location, numel[, view_metadata])} into
 * {@link StorageRef}s and remembers them by key. The location ({@code cpu}, {@code cuda:0}, ...) is ignored:
 * everything is loaded to the CPU.
 */
final class StorageTable implements Unpickler.PersistentLoader {

    private final Map<String, StorageRef> byKey = new HashMap<>();

    @Override
    public Object load(Object pid) throws ModelFormatException {
        if (!(pid instanceof List<?> t) || t.size() < 5 || t.size() > 6 || !"storage".equals(t.get(0))
                || !(t.get(1) instanceof DType dtype) || !(t.get(2) instanceof String key)
                || !(t.get(3) instanceof String) || !(t.get(4) instanceof Long numel) || numel < 0) {
            throw new ModelFormatException("malformed pickle: unexpected persistent id (not a torch storage)");
        }
        if (t.size() == 6 && t.get(5) != null) {
            throw new ModelFormatException("storage '" + key + "' is a legacy storage view, which is not supported");
        }
        if (numel > Long.MAX_VALUE / dtype.size()) {
            throw new ModelFormatException("storage '" + key + "' claims " + numel + " values, more than any file holds");
        }
        StorageRef ref = new StorageRef(key, dtype, numel);
        StorageRef known = byKey.putIfAbsent(key, ref);
        if (known != null && !known.equals(ref)) {
            throw new ModelFormatException("storage '" + key + "' is declared twice with different types or sizes");
        }
        return ref;
    }

    /** The storage declared under {@code key}, or null. */
    StorageRef get(String key) {
        return byKey.get(key);
    }
}
