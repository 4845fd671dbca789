package org.liifviewer.core.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.bench.RandomWeights;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.core.model.Tensor;

/**
 * An LM-LIIF checkpoint as the LMF code saves it ({@code model: {name: lmliif, args: {...}, sd}}, tensors named
 * {@code encoder.*}, {@code hypernet.layers.*}, {@code imnet.layers.*}) loads through the restricted unpickler into the
 * architecture its spec and tensors describe, and round-trips through our model file.
 */
class LmfCheckpointTest {

    @TempDir
    Path dir;

    private static final LiifSpec SPEC = new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 4, 1f),
            new int[] {10}, 3, true, true, true, new Modulation(2, 4, true, true));

    @Test
    void lmfCheckpointLoadsWithItsArchitecture() throws IOException {
        Map<String, Tensor> sd = stateDict();
        Path file = write("lmliif.pth", lmfSpec(true), sd);

        LiifModelFile model = ModelFiles.load(file);

        assertEquals(SPEC, model.spec());
        assertEquals(sd.keySet(), model.weights().asMap().keySet());
        assertTrue(model.spec().describe().startsWith("LM-LIIF"), model.spec().describe());
        Path ours = dir.resolve("lmliif.safetensors");
        ModelFiles.save(model, ours);
        assertEquals(SPEC, ModelFiles.load(ours).spec());
        assertEquals(model.weights().asMap(), ModelFiles.load(ours).weights().asMap());
    }

    @Test
    void compressedLatentOffIsRefusedWithAReason() throws IOException {
        Path file = write("no-mod-input.pth", lmfSpec(false), stateDict());
        ModelFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ModelFormatException.class,
                () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains("mod_input"), e.getMessage());
    }

    /** The spec as LMF's train_edsr-baseline-lmliif.yaml states it (sizes of the tiny test model). */
    private static Map<String, Object> lmfSpec(boolean modInput) {
        Map<String, Object> render = new LinkedHashMap<>();
        render.put("out_dim", 3L);
        render.put("hidden_dim", 4L);
        render.put("hidden_depth", 2L);
        render.put("mod_scale", true);
        render.put("mod_shift", true);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("encoder_spec", Map.of("name", "edsr-baseline", "args", Map.of("no_upsampling", true)));
        args.put("imnet_spec", Map.of("name", "lmmlp", "args", render));
        args.put("hypernet_spec", Map.of("name", "mlp", "args", Map.of("out_dim", 20L, "hidden_list", List.of(10L))));
        args.put("local_ensemble", true);
        args.put("feat_unfold", true);
        args.put("cell_decode", true);
        args.put("mod_input", modInput);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", "lmliif");
        spec.put("args", args);
        return spec;
    }

    /** Random weights under the LMF state_dict's names, with EDSR's mean-shift buffers. */
    private static Map<String, Tensor> stateDict() {
        return new LinkedHashMap<>(RandomWeights.of(SPEC, 5).asMap());
    }

    private Path write(String name, Map<String, Object> spec, Map<String, Tensor> sd) throws IOException {
        Map<String, float[]> storages = new LinkedHashMap<>();
        Map<String, Object> root = Checkpoints.root(spec, sd, storages);
        return Checkpoints.zip(dir.resolve(name), "archive", new PickleBuilder(true).value(root).stop(), storages);
    }
}
