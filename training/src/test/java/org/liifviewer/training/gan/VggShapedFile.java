package org.liifviewer.training.gan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.model.io.TensorFile;

/** VGG19-shaped weights for tests: torchvision's names and layer structure, narrow layers, seeded random values. */
public final class VggShapedFile {

    /** torchvision's indices of VGG19's convolutions in {@code features}. */
    static final int[] CONVS = {0, 2, 5, 7, 10, 12, 14, 16, 19, 21, 23, 25, 28, 30, 32, 34};
    private static final int[] WIDTHS = {4, 4, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7};

    private VggShapedFile() {
    }

    /** The tensors, with a classifier tensor that the loader ignores; scaled so that conv5_4 still sees the input. */
    public static Map<String, Tensor> tensors() {
        SplittableRandom random = new SplittableRandom(4);
        Map<String, Tensor> sd = new LinkedHashMap<>();
        int in = 3;
        for (int i = 0; i < CONVS.length; i++) {
            int out = WIDTHS[i];
            sd.put("features." + CONVS[i] + ".weight", uniform(random, 1.5 * Math.sqrt(6 / (in * 9.0)), out, in, 3, 3));
            sd.put("features." + CONVS[i] + ".bias", uniform(random, 0.5, out));
            in = out;
        }
        sd.put("classifier.0.weight", uniform(random, 0.1, 4, 7));
        return sd;
    }

    /** Writes {@code tensors} as safetensors to {@code file}. */
    public static Path write(Path file, Map<String, Tensor> tensors) throws IOException {
        ModelFiles.saveTensors(new TensorFile("vgg19", Map.of(), new Weights(tensors), new Weights(Map.of())), file);
        return file;
    }

    private static Tensor uniform(SplittableRandom random, double bound, long... shape) {
        float[] data = new float[(int) Tensor.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(-bound, bound);
        }
        return new Tensor(shape, data);
    }
}
