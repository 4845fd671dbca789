package org.liifviewer.core.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.liifviewer.core.model.Tensor;

/** Hand-made official-layout checkpoints for tests: a zip with {@code <prefix>/data.pkl} and storages. */
final class Checkpoints {

    private Checkpoints() {
    }

    /** The official small-full spec as the checkpoint states it. */
    static Map<String, Object> smallSpec() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = Goldens.JSON.convertValue(Goldens.json("small-full/meta.json")
                .get("spec_in_checkpoint"), LinkedHashMap.class);
        return spec;
    }

    /** The root dict {@code {'model': {name, args, sd}, 'epoch': 7}} with contiguous storages "0", "1", ... */
    static Map<String, Object> root(Map<String, Object> spec, Map<String, Tensor> sd, Map<String, float[]> storages) {
        Map<String, Object> model = new LinkedHashMap<>(spec);
        model.put("sd", stateDict(sd, storages));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model);
        root.put("epoch", 7);
        return root;
    }

    /** A bare state_dict of {@code sd}'s tensors, each in its own contiguous storage "0", "1", ... */
    static Map<String, Object> stateDict(Map<String, Tensor> sd, Map<String, float[]> storages) {
        Map<String, Object> tensors = new LinkedHashMap<>();
        sd.forEach((name, t) -> {
            String key = Integer.toString(storages.size());
            storages.put(key, t.data());
            tensors.put(name, new PickleBuilder.RawTensor(key, t.data().length, 0, t.shape(), contiguousStride(t.shape())));
        });
        return tensors;
    }

    static long[] contiguousStride(long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= shape[i];
        }
        return stride;
    }

    /** Writes a zip checkpoint whose entries live under {@code prefix/}. */
    static Path zip(Path file, String prefix, byte[] pickle, Map<String, float[]> storages) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, prefix + "/data.pkl", pickle);
            for (Map.Entry<String, float[]> e : storages.entrySet()) {
                put(zip, prefix + "/data/" + e.getKey(), floats(e.getValue()));
            }
            put(zip, prefix + "/version", "3\n".getBytes());
        }
        return file;
    }

    static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
