package org.liifviewer.training.run;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WeightAverageTest {

    @Test
    void averagesStartAtTheParametersAndFollowThemExponentially() {
        INDArray p = Nd4j.createFromArray(1.0, -2.0);
        WeightAverage average = new WeightAverage(Map.of("p", p), 0.75);
        p.assign(Nd4j.createFromArray(5.0, 2.0));
        average.update();
        assertArrayEquals(new double[]{0.75 * 1 + 0.25 * 5, 0.75 * -2 + 0.25 * 2},
                average.averages().get("p").toDoubleVector(), 1e-12);
        average.update();
        assertArrayEquals(new double[]{0.75 * 2 + 0.25 * 5, 0.75 * -1 + 0.25 * 2},
                average.averages().get("p").toDoubleVector(), 1e-12);
        assertArrayEquals(new double[]{5, 2}, p.toDoubleVector(), 0, "parameters untouched");
    }

    @Test
    void restoreReplacesTheAverages() {
        INDArray p = Nd4j.createFromArray(1.0, 1.0);
        WeightAverage average = new WeightAverage(Map.of("p", p), 0.9);
        average.restore(Map.of("p", Nd4j.createFromArray(3.0, 4.0)));
        assertArrayEquals(new double[]{3, 4}, average.averages().get("p").toDoubleVector(), 0);
    }

    @Test
    void rejectsADecayOutsideTheOpenUnitInterval() {
        Map<String, INDArray> params = Map.of("p", Nd4j.createFromArray(1.0));
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(params, 1));
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(params, 0));
    }
}
