package org.liifviewer.training.graph;

import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** What the trainer needs of a model: its parameters, a training step's gradients and a way to save itself. */
public interface TrainableGraph {

    /** The trainable arrays by graph name; shared with the graph (in-place updates change the model). */
    Map<String, INDArray> parameters();

    /** The loss against {@code target} (B·Q, 3) and the gradient of every parameter (by graph name). */
    LossAndGradients lossAndGradients(INDArray input, QueryPlan plan, INDArray target);

    /** Graph-named arrays (the parameters, or optimizer moments of the same shapes) as official float32 tensors. */
    Weights toWeights(Map<String, INDArray> graphArrays);

    /** Official tensors (weights, or optimizer moments of the same shapes) as graph arrays of the graph's type. */
    Map<String, INDArray> toGraph(Weights official) throws ModelFormatException;

    /** Writes the current weights, {@code metadata} and {@code trainingState} ({@code optimizer.*}) atomically. */
    void save(Path file, Map<String, String> metadata, Weights trainingState) throws IOException;

    /** How this model's training batches are planned. */
    QueryPlanner planner();

    /** The model in words, for logs. */
    String describe();
}
