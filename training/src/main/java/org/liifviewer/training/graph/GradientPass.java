package org.liifviewer.training.graph;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outputs and gradients of a SameDiff graph with its session's array cache on. M2.1's
 * {@code calculateGradientsAndOutputs} switches the gradient function's cache off on every call, so each step
 * allocated every intermediate afresh (the kernel zeroing new pages took over half the step) and left them all to the
 * garbage collector (gigabytes per step). Running the gradient function's {@code output} instead keeps one session
 * per thread whose cache hands the same buffers back step after step.
 */
final class GradientPass {

    private final SameDiff graph;

    GradientPass(SameDiff graph) {
        this.graph = graph;
    }

    /**
     * @param outputs   graph variables wanted by value
     * @param variables graph variables wanted by gradient (of the graph's loss)
     * @return values of {@code outputs} and gradients of {@code variables}, each under its variable's name
     */
    Map<String, INDArray> run(Map<String, INDArray> feeds, Collection<String> outputs, Collection<String> variables) {
        SameDiff gradientFunction = gradientFunction();
        List<String> wanted = new ArrayList<>(outputs);
        Map<String, String> gradientNames = new HashMap<>();
        for (String variable : variables) {
            SDVariable gradient = graph.getVariable(variable).getGradient();
            if (gradient == null) {
                throw new IllegalArgumentException("the loss does not depend on " + variable);
            }
            gradientNames.put(variable, gradient.name());
            wanted.add(gradient.name());
        }
        Map<String, INDArray> values = gradientFunction.output(feeds, wanted);
        Map<String, INDArray> result = new HashMap<>();
        outputs.forEach(name -> result.put(name, values.get(name)));
        gradientNames.forEach((variable, gradient) -> result.put(variable, values.get(gradient)));
        return result;
    }

    private SameDiff gradientFunction() {
        if (!graph.hasGradientFunction()) {
            graph.createGradFunction();
        }
        SameDiff gradientFunction = graph.getFunction("grad");
        gradientFunction.setEnableCache(true);
        return gradientFunction;
    }
}
