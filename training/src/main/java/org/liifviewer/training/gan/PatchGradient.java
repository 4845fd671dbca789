package org.liifviewer.training.gan;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A graph of a loss between a real and a generated patch (B, 3, P, P) whose gradient by the generated patch is
 * wanted: the real patch is a placeholder, the generated one a variable (SameDiff differentiates variables) whose
 * value each evaluation sets.
 */
final class PatchGradient {

    static final String REAL = "real";
    static final String FAKE = "fake";

    private final SameDiff graph = SameDiff.create();
    private final SDVariable real;
    private final SDVariable fake;

    PatchGradient(DataType type) {
        real = graph.placeHolder(REAL, type, -1, 3, -1, -1);
        fake = graph.var(FAKE, Nd4j.zeros(type, 1, 3, 1, 1));
    }

    SameDiff graph() {
        return graph;
    }

    SDVariable real() {
        return real;
    }

    SDVariable fake() {
        return fake;
    }

    /** The values of {@code outputs} and, under {@link #FAKE}, the gradient of the graph's loss by the fake patch. */
    Map<String, INDArray> evaluate(INDArray realPatch, INDArray fakePatch, List<String> outputs) {
        fake.setArray(fakePatch.dup('c'));
        var result = graph.calculateGradientsAndOutputs(Map.of(REAL, realPatch), outputs, List.of(FAKE));
        Map<String, INDArray> values = new java.util.HashMap<>(result.getOutputs());
        values.put(FAKE, result.getGradients().get(FAKE));
        return values;
    }

    /** The mean absolute difference of two activations, as a graph variable. */
    static SDVariable meanAbsoluteDifference(SameDiff sd, SDVariable a, SDVariable b) {
        return sd.math().abs(a.sub(b)).mean();
    }
}
