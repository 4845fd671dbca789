package org.liifviewer.training.run;

import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.training.graph.ParameterLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights a fresh LIIF run starts from: PyTorch's default initialisation drawn from the seed, with the tensors
 * named by {@link TrainConfig.Init} replaced by those of a trained model (same names and shapes).
 */
final class InitialWeights {

    private InitialWeights() {
    }

    /** The starting weights of {@code spec}; {@code init} may be null (initialisation only). */
    static Weights of(LiifSpec spec, long seed, TrainConfig.Init init) throws IOException {
        ParameterLayout layout = ParameterLayout.of(spec);
        Weights fresh = layout.initialWeights(seed);
        if (init == null) {
            return fresh;
        }
        Weights trained = ModelFiles.load(Path.of(init.model())).weights();
        Map<String, Tensor> merged = new LinkedHashMap<>(fresh.asMap());
        int taken = 0;
        for (ParameterLayout.Entry e : layout.entries()) {
            if (e.name().startsWith(init.prefix())) {
                merged.put(e.name(), trained.get(e.name(), e.shape()));
                taken++;
            }
        }
        if (taken == 0) {
            throw new ModelFormatException(init.model() + " has no tensor named " + init.prefix() + "... for this model");
        }
        return new Weights(merged);
    }
}
