package org.liifviewer.training.run;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdamOptimizerTest {

    /** Reference: torch.optim.Adam on p = [1, -2], lr 0.1, gradients g1 = [0.5, -3], g2 = [0.25, 1]. */
    @Test
    void matchesPyTorchAdamFormula() {
        INDArray p = Nd4j.createFromArray(1.0, -2.0);
        AdamOptimizer adam = new AdamOptimizer(Map.of("p", p));
        adam.step(Map.of("p", Nd4j.createFromArray(0.5, -3.0)), 0.1);
        // first step: m_hat = g, v_hat = g^2 -> p -= lr * g / (|g| + eps)
        double afterFirst = 1 - 0.1 * 0.5 / (0.5 + 1e-8);
        assertEquals(afterFirst, p.getDouble(0), 1e-12);
        assertEquals(-2 + 0.1 * 3 / (3 + 1e-8), p.getDouble(1), 1e-12);
        adam.step(Map.of("p", Nd4j.createFromArray(0.25, 1.0)), 0.1);
        double m = 0.9 * 0.1 * 0.5 + 0.1 * 0.25;
        double v = 0.999 * 0.001 * 0.25 + 0.001 * 0.0625;
        double expected = afterFirst - 0.1 / (1 - 0.81) * m / (Math.sqrt(v) / Math.sqrt(1 - 0.998001) + 1e-8);
        assertEquals(expected, p.getDouble(0), 1e-12);
        assertEquals(2, adam.steps());
        assertEquals(DataType.DOUBLE, adam.firstMoments().get("p").dataType());
    }
}
