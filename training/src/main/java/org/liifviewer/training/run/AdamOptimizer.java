package org.liifviewer.training.run;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam exactly as PyTorch's {@code torch.optim.Adam} (no weight decay, no amsgrad): per parameter
 * m = b1·m + (1-b1)·g, v = b2·v + (1-b2)·g², p -= lr/(1-b1^t) · m / (sqrt(v)/sqrt(1-b2^t) + eps).
 * Updates the parameter arrays in place.
 */
public final class AdamOptimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Map<String, INDArray> parameters;
    private final Map<String, INDArray> m = new LinkedHashMap<>();
    private final Map<String, INDArray> v = new LinkedHashMap<>();
    private long step;

    /** A fresh optimizer (zero moments, step 0) for {@code parameters}. */
    public AdamOptimizer(Map<String, INDArray> parameters) {
        this.parameters = parameters;
        parameters.forEach((name, p) -> {
            m.put(name, p.ulike().assign(0));
            v.put(name, p.ulike().assign(0));
        });
    }

    /** Replaces the state by a saved one (moments with the parameters' names and shapes). */
    public void restore(Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments, long steps) {
        parameters.keySet().forEach(name -> {
            m.get(name).assign(firstMoments.get(name));
            v.get(name).assign(secondMoments.get(name));
        });
        this.step = steps;
    }

    /** Applies one update with learning rate {@code lr}. */
    public void step(Map<String, INDArray> gradients, double lr) {
        step++;
        double correction1 = 1 - Math.pow(BETA1, step);
        double sqrtCorrection2 = Math.sqrt(1 - Math.pow(BETA2, step));
        parameters.forEach((name, p) -> {
            INDArray g = gradients.get(name);
            INDArray mt = m.get(name).muli(BETA1).addi(g.mul(1 - BETA1));
            INDArray vt = v.get(name).muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
            INDArray denominator = Transforms.sqrt(vt, true).divi(sqrtCorrection2).addi(EPS);
            p.subi(mt.div(denominator).muli(lr / correction1));
        });
    }

    public long steps() {
        return step;
    }

    /** First moments by parameter name (live arrays). */
    public Map<String, INDArray> firstMoments() {
        return m;
    }

    /** Second moments by parameter name (live arrays). */
    public Map<String, INDArray> secondMoments() {
        return v;
    }
}
