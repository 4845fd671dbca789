package org.liifviewer.core.model.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import org.liifviewer.core.model.ModelFormatException;

/** Element types found in model files, with their PyTorch storage and safetensors names. */
enum DType {
    F32("FloatStorage", "F32", 4, true),
    F64("DoubleStorage", "F64", 8, true),
    F16("HalfStorage", "F16", 2, true),
    BF16("BFloat16Storage", "BF16", 2, true),
    I64("LongStorage", "I64", 8, false),
    I32("IntStorage", "I32", 4, false),
    I16("ShortStorage", "I16", 2, false),
    I8("CharStorage", "I8", 1, false),
    U8("ByteStorage", "U8", 1, false),
    BOOL("BoolStorage", "BOOL", 1, false);

    private final String storageName;
    private final String safetensorsName;
    private final int size;
    private final boolean floating;

    DType(String storageName, String safetensorsName, int size, boolean floating) {
        this.storageName = storageName;
        this.safetensorsName = safetensorsName;
        this.size = size;
        this.floating = floating;
    }

    /** Bytes per element. */
    int size() {
        return size;
    }

    String safetensorsName() {
        return safetensorsName;
    }

    /** The type of a {@code torch.<name>} storage class, e.g. {@code FloatStorage}. */
    static Optional<DType> ofStorage(String name) {
        return Arrays.stream(values()).filter(t -> t.storageName.equals(name)).findFirst();
    }

    /** The type of a safetensors dtype string, e.g. {@code F32}. */
    static Optional<DType> ofSafetensors(String name) {
        return Arrays.stream(values()).filter(t -> t.safetensorsName.equals(name)).findFirst();
    }

    /**
     * Decodes {@code count} little-endian elements starting at the buffer's position into floats.
     *
     * @throws ModelFormatException if this is not a floating-point type (weights must be)
     */
    float[] decode(ByteBuffer bytes, int count) throws ModelFormatException {
        if (!floating) {
            throw new ModelFormatException(safetensorsName + " values cannot be model weights (floating point expected)");
        }
        ByteBuffer src = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[count];
        switch (this) {
            case F32 -> src.asFloatBuffer().get(out);
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) src.getDouble(8 * i);
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = halfToFloat(src.getShort(2 * i));
                }
            }
            default -> { // BF16: the upper half of a float32
                for (int i = 0; i < count; i++) {
                    out[i] = Float.intBitsToFloat(src.getShort(2 * i) << 16);
                }
            }
        }
        return out;
    }

    /** IEEE 754 binary16 to float32 (exact: every half value is representable). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f; // zero or subnormal
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
