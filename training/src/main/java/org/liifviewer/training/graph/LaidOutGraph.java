package org.liifviewer.training.graph;

import java.util.Map;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A trainable graph whose tensors map to official names through one {@link ParameterLayout}. */
public interface LaidOutGraph extends TrainableGraph {

    /** How official tensor names and layouts map to this graph's variables. */
    ParameterLayout layout();

    @Override
    default Weights toWeights(Map<String, INDArray> graphArrays) {
        return layout().toWeights(graphArrays);
    }

    @Override
    default Map<String, INDArray> toGraph(Weights official) throws ModelFormatException {
        return layout().toGraph(official, parameters().values().iterator().next().dataType());
    }
}
