package org.liifviewer.core.model.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;

/** A tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a strided view of a storage. */
record PickledTensor(StorageRef storage, long offset, long[] shape, long[] stride) {

    /**
     * Copies the viewed values out of the storage's raw bytes into a dense C-order tensor.
     *
     * @param name  the tensor's name, for messages
     * @param bytes the whole storage, little-endian, {@link StorageRef#byteCount()} bytes
     */
    Tensor read(String name, ByteBuffer bytes) throws ModelFormatException {
        long numel;
        try {
            numel = Tensor.numel(shape);
        } catch (ArithmeticException e) {
            throw new ModelFormatException("tensor '" + name + "' has the impossible shape " + Arrays.toString(shape), e);
        }
        if (numel == 0) {
            return new Tensor(shape, new float[0]);
        }
        long last = offset; // the highest storage index the view touches
        try {
            for (int i = 0; i < shape.length; i++) {
                last = Math.addExact(last, Math.multiplyExact(shape[i] - 1, stride[i]));
            }
        } catch (ArithmeticException e) {
            last = Long.MAX_VALUE;
        }
        if (offset < 0 || last >= storage.numel()) {
            throw new ModelFormatException("tensor '" + name + "' of shape " + Arrays.toString(shape) + " at offset "
                    + offset + " needs " + (last + 1) + " values but its storage '" + storage.key() + "' holds only "
                    + storage.numel());
        }
        if (numel > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException("tensor '" + name + "' has " + numel + " values, too many to load");
        }
        if (isContiguous()) {
            return new Tensor(shape, storage.dtype().decode(bytes.position((int) (offset * storage.dtype().size())),
                    (int) numel));
        }
        float[] all = storage.dtype().decode(bytes.position(0), (int) storage.numel());
        float[] out = new float[(int) numel];
        int[] index = new int[shape.length];
        for (int k = 0; k < out.length; k++) {
            long src = offset;
            for (int i = 0; i < shape.length; i++) {
                src += index[i] * stride[i];
            }
            out[k] = all[(int) src];
            for (int i = shape.length - 1; i >= 0 && ++index[i] == shape[i]; i--) {
                index[i] = 0;
            }
        }
        return new Tensor(shape, out);
    }

    private boolean isContiguous() {
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }
}
