package org.liifviewer.core.model.io;

/**
 * A PyTorch storage referenced by a checkpoint's pickle: its key (the zip entry {@code data/<key>} or the
 * legacy record's key), element type and element count.
 */
record StorageRef(String key, DType dtype, long numel) {

    /** Size of the storage's raw bytes. */
    long byteCount() {
        return Math.multiplyExact(numel, (long) dtype.size());
    }
}
