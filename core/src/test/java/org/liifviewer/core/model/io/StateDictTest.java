package org.liifviewer.core.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

/**
 * Bare state_dicts (torchvision's pretrained weights have no LIIF spec): a zip {@code .pth} written here with random
 * tensors under VGG19's names loads through the restricted unpickler, as does the same as safetensors; a LIIF
 * checkpoint is not a bare state_dict.
 */
class StateDictTest {

    @TempDir
    Path dir;

    @Test
    void aBareStateDictLoadsFromPthAndFromSafetensors() throws Exception {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(2);
        sd.put("features.0.weight", random(random, 4, 3, 3, 3));
        sd.put("features.0.bias", random(random, 4));
        sd.put("features.2.weight", random(random, 4, 4, 3, 3));
        sd.put("features.2.bias", random(random, 4));
        sd.put("classifier.0.weight", random(random, 5, 16));
        Map<String, float[]> storages = new LinkedHashMap<>();
        Path pth = Checkpoints.zip(dir.resolve("vgg19-random.pth"), "archive",
                new PickleBuilder(true).value(Checkpoints.stateDict(sd, storages)).stop(), storages);
        assertEquals(sd, ModelFiles.loadStateDict(pth).asMap());

        Path safetensors = dir.resolve("vgg19-random.safetensors");
        ModelFiles.saveTensors(new TensorFile("vgg19", Map.of(), new Weights(sd), new Weights(Map.of())), safetensors);
        assertEquals(sd, ModelFiles.loadStateDict(safetensors).asMap());
    }

    @Test
    void aLiifCheckpointOrTextIsNotABareStateDict() throws Exception {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.loadStateDict(Goldens.file("small-full/checkpoint.pth")));
        assertTrue(e.getMessage().contains("the state_dict holds an entry that is not a named tensor"),
                e.getMessage());
        Path text = Files.writeString(dir.resolve("vgg19.pth"), "weights");
        e = assertThrows(ModelFormatException.class, () -> ModelFiles.loadStateDict(text));
        assertTrue(e.getMessage().startsWith(text + ": not a model file"), e.getMessage());
    }

    private static Tensor random(SplittableRandom random, long... shape) {
        float[] data = new float[(int) Tensor.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(-1, 1);
        }
        return new Tensor(shape, data);
    }
}
