package org.liifviewer.training.baseline;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.function.DoubleSupplier;

/** Central finite differences in float64 against analytic gradients, on up to {@link #PER_TENSOR} values per tensor. */
final class GradientCheck {

    private static final double STEP = 1e-6;
    private static final int PER_TENSOR = 8;
    /** Keeps finite-difference noise on near-zero gradients from counting as relative error. */
    private static final double ABSOLUTE_FLOOR = 1e-4;

    private GradientCheck() {
    }

    /** The worst relative error and where, e.g. {@code "3.1e-09 at tail.1.bias[2]"}; {@code loss} reads the parameters. */
    static Result run(Map<String, INDArray> parameters, Map<String, INDArray> analytic, DoubleSupplier loss) {
        double worst = 0;
        String where = "";
        int checked = 0;
        int offset = 0;
        for (Map.Entry<String, INDArray> p : parameters.entrySet()) {
            INDArray values = p.getValue();
            long stride = Math.max(1, values.length() / PER_TENSOR);
            for (long i = offset++ % stride; i < values.length(); i += stride) {
                double original = values.getDouble(i);
                values.putScalar(i, original + STEP);
                double up = loss.getAsDouble();
                values.putScalar(i, original - STEP);
                double down = loss.getAsDouble();
                values.putScalar(i, original);
                double numeric = (up - down) / (2 * STEP);
                double a = analytic.get(p.getKey()).getDouble(i);
                double error = Math.abs(a - numeric) / (Math.abs(a) + Math.abs(numeric) + ABSOLUTE_FLOOR);
                if (error > worst) {
                    worst = error;
                    where = p.getKey() + "[" + i + "] analytic " + a + " numeric " + numeric;
                }
                checked++;
            }
        }
        return new Result(worst, where, checked);
    }

    record Result(double worst, String where, int checked) {
    }
}
