package org.liifviewer.core.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.TensorLayout;
import org.liifviewer.core.model.Weights;

/**
 * Models that load without a format error but could never render are refused when they are loaded, naming the
 * file and the cause: weights that are not finite numbers, layers without a size, absurd storage sizes.
 */
class UnusableModelTest {

    @TempDir
    Path dir;

    @Test
    void nanOrInfiniteWeightsAreRefusedNamingTheTensor() throws IOException {
        Map<String, Tensor> weights = new LinkedHashMap<>(Goldens.weights("small-full"));
        float[] values = weights.get("imnet.layers.2.weight").data().clone();
        values[5] = Float.NaN;
        weights.put("imnet.layers.2.weight", new Tensor(weights.get("imnet.layers.2.weight").shape(), values));
        Map<String, float[]> storages = new LinkedHashMap<>();
        Path nan = Checkpoints.zip(dir.resolve("nan.pth"), "nan", new PickleBuilder(false)
                .value(Checkpoints.root(Checkpoints.smallSpec(), weights, storages)).stop(), storages);
        assertRefused(nan, "the weights are damaged: tensor 'imnet.layers.2.weight' holds NaN (not a number) at"
                + " position 5 of " + values.length);

        LiifModelFile good = ModelFiles.load(Goldens.file("small-full/checkpoint.pth"));
        Map<String, Tensor> inf = new LinkedHashMap<>(good.weights().asMap());
        Tensor bias = inf.get("encoder.head.0.bias");
        inf.put("encoder.head.0.bias", new Tensor(bias.shape(), new float[(int) bias.dim(0)]));
        inf.get("encoder.head.0.bias").data()[0] = Float.NEGATIVE_INFINITY;
        Path file = dir.resolve("inf.safetensors");
        ModelFiles.save(new LiifModelFile(good.spec(), new Weights(inf), Map.of()), file);
        assertRefused(file, "the weights are damaged: tensor 'encoder.head.0.bias' holds an infinite value at"
                + " position 0 of " + bias.dim(0));
    }

    @Test
    void layersWithoutASizeOrAnOutputOtherThanRgbAreRefused() throws IOException {
        EncoderSpec encoder = new EncoderSpec.Edsr("edsr-baseline", 1, 2, 1f);
        assertRefused(saved("zero.safetensors", new LiifSpec(encoder, new int[] {4, 0}, 3, true, true, true)),
                "the width of hidden layer 2 of the MLP is 0; a usable model has at least 1");
        assertRefused(saved("gray.safetensors", new LiifSpec(encoder, new int[] {4}, 1, true, true, true)),
                "the model computes 1 values per pixel, not 3 (RGB)");
    }

    @Test
    void aStorageClaimingMoreValuesThanAnyFileIsRefused() throws IOException {
        Map<String, Object> root = Checkpoints.root(Checkpoints.smallSpec(), Map.of(), new LinkedHashMap<>());
        @SuppressWarnings("unchecked")
        Map<String, Object> sd = (Map<String, Object>) ((Map<String, Object>) root.get("model")).get("sd");
        sd.put("imnet.layers.0.weight", new PickleBuilder.RawTensor("0", 1L << 62, 0, new long[] {2}, new long[] {1}));
        Path file = Checkpoints.zip(dir.resolve("huge.pth"), "huge", new PickleBuilder(true).value(root).stop(),
                Map.of("0", new float[2]));
        assertRefused(file, "storage '0' claims 4611686018427387904 values, more than any file holds");
    }

    @Test
    void aSpecOfTheWrongKindIsDescribedByItsPythonType() throws IOException {
        Map<String, Object> spec = Checkpoints.smallSpec();
        spec.put("name", new long[] {1, 2});
        Map<String, float[]> storages = new LinkedHashMap<>();
        Path file = Checkpoints.zip(dir.resolve("tuple.pth"), "tuple", new PickleBuilder(false)
                .value(Checkpoints.root(spec, Goldens.weights("small-full"), storages)).stop(), storages);
        assertRefused(file, "the model is a tuple, not 'liif', 'lmliif' or 'liif-gan'");
    }

    /** A model of {@code spec} with zero weights, written (writing checks only that the shapes fit together). */
    private Path saved(String name, LiifSpec spec) throws IOException {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        TensorLayout.expected(spec).forEach((tensor, shape) ->
                weights.put(tensor, new Tensor(shape, new float[(int) Tensor.numel(shape)])));
        Path file = dir.resolve(name);
        ModelFiles.save(new LiifModelFile(spec, new Weights(weights), Map.of()), file);
        return file;
    }

    private static void assertRefused(Path file, String problem) {
        assertEquals(file + ": " + problem,
                assertThrows(ModelFormatException.class, () -> ModelFiles.load(file)).getMessage());
    }
}
