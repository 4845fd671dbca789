package org.liifviewer.training.run;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of the parameters, a = d·a + (1-d)·p after every optimizer step, started from the
 * parameters' values when created (no bias correction: a run switches it on part-way, from trained weights). The
 * averaged weights usually decode a little better than the last step's; {@code liif convert --averaged} writes them
 * as the model.
 */
public final class WeightAverage {

    private final Map<String, INDArray> parameters;
    private final Map<String, INDArray> averages = new LinkedHashMap<>();
    private final double decay;

    /** Starts the averages at the current values of {@code parameters} (live arrays, updated in place). */
    public WeightAverage(Map<String, INDArray> parameters, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the averaging decay must lie in (0, 1), got " + decay);
        }
        this.parameters = parameters;
        this.decay = decay;
        parameters.forEach((name, p) -> averages.put(name, p.dup()));
    }

    /** Replaces the averages by saved ones (with the parameters' names and shapes). */
    public void restore(Map<String, INDArray> saved) {
        parameters.keySet().forEach(name -> averages.get(name).assign(saved.get(name)));
    }

    /** Folds the parameters' current values into the averages. */
    public void update() {
        parameters.forEach((name, p) -> averages.get(name).subi(p).muli(decay).addi(p));   // d·(a-p)+p, no temporary
    }

    /** The decay d of a = d·a + (1-d)·p. */
    public double decay() {
        return decay;
    }

    /** The averages by parameter name (live arrays). */
    public Map<String, INDArray> averages() {
        return Collections.unmodifiableMap(averages);
    }
}
