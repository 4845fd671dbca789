package org.liifviewer.training.gradcheck;

import org.liifviewer.training.graph.PixelLoss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central finite differences in float64 against analytic gradients of an L1 or L2 loss. The L1 loss and the ReLUs
 * have kinks: a value whose ±STEP interval crosses one has no meaningful central difference (its one-sided slopes
 * disagree), so it is skipped and counted, and {@link Result#assertWithin} fails when more than a few are.
 */
public final class GradientCheck {

    private static final double STEP = 1e-6;
    /** Keeps finite-difference noise on near-zero gradients from counting as relative error. */
    private static final double ABSOLUTE_FLOOR = 1e-4;
    /**
     * With the L1 loss, one-sided slopes further apart than this mean a kink inside ±STEP: at smooth points they
     * differ by roundoff only (at most 1.4e-9 over 4,440 values of the LIIF graph, seeds 1–10); the kink that failed
     * an unseeded run put them 5e-5 apart.
     */
    private static final double L1_KINK_SLOPE_GAP = 1e-8;
    /**
     * The same for the L2 loss, whose own curvature puts the one-sided slopes of smooth points apart by up to
     * 1e-6 (measured over the test's 470 L2 values, none skipped).
     */
    private static final double L2_KINK_SLOPE_GAP = 1e-5;
    private static final double MAX_KINK_FRACTION = 0.05;

    private GradientCheck() {
    }

    /**
     * Checks every {@code stride(length)}-th value of each tensor (offset by the tensor's position) for the loss of
     * {@code prediction} (which reads the parameters) against {@code target}.
     */
    public static Result run(Map<String, INDArray> parameters, Map<String, INDArray> analytic, PixelLoss pixelLoss,
                             Supplier<INDArray> prediction, INDArray target, LongUnaryOperator stride) {
        return run(parameters, analytic, () -> loss(pixelLoss, prediction.get(), target),
                pixelLoss == PixelLoss.L1 ? L1_KINK_SLOPE_GAP : L2_KINK_SLOPE_GAP, stride);
    }

    /**
     * Checks every {@code stride(length)}-th value of each tensor for any {@code loss} that reads the parameters;
     * values whose one-sided slopes differ by more than {@code kinkSlopeGap} sit at a kink and are skipped.
     */
    public static Result run(Map<String, INDArray> parameters, Map<String, INDArray> analytic, DoubleSupplier loss,
                             double kinkSlopeGap, LongUnaryOperator stride) {
        double base = loss.getAsDouble();
        double worst = 0;
        String where = "";
        int checked = 0;
        int kinks = 0;
        int offset = 0;
        for (Map.Entry<String, INDArray> p : parameters.entrySet()) {
            INDArray values = p.getValue();
            long step = Math.max(1, stride.applyAsLong(values.length()));
            for (long i = offset++ % step; i < values.length(); i += step) {
                double original = values.getDouble(i);
                values.putScalar(i, original + STEP);
                double up = loss.getAsDouble();
                values.putScalar(i, original - STEP);
                double down = loss.getAsDouble();
                values.putScalar(i, original);
                if (Math.abs((up - base) - (base - down)) / STEP > kinkSlopeGap) {
                    kinks++;
                    continue;
                }
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
        return new Result(worst, where, checked, kinks);
    }

    /**
     * The mean absolute ({@code L1}) or squared ({@code L2}) error of {@code prediction} (any shape with as many
     * values) against {@code target}.
     */
    private static double loss(PixelLoss loss, INDArray prediction, INDArray target) {
        INDArray difference = prediction.reshape(target.shape()).sub(target);
        return (loss == PixelLoss.L1 ? Transforms.abs(difference) : difference.mul(difference)).meanNumber()
                .doubleValue();
    }

    /** Values uniform in [-1, 1) from {@code random}, float64. */
    public static INDArray uniform(Random random, long... shape) {
        INDArray values = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < values.length(); i++) {
            values.putScalar(i, random.nextDouble() * 2 - 1);
        }
        return values;
    }

    /** The worst relative error, where it was, and how many values were compared and skipped at a kink. */
    public record Result(double worst, String where, int checked, int kinks) {

        /** Fails unless the worst error is below {@code maxRelativeError} and at most 5 % of values sat at a kink. */
        public void assertWithin(double maxRelativeError, String what) {
            assertTrue(kinks <= MAX_KINK_FRACTION * (checked + kinks), what + ": " + kinks + " of "
                    + (checked + kinks) + " values at a kink");
            assertTrue(worst < maxRelativeError, what + ": max relative error " + worst + " at " + where);
        }

        @Override
        public String toString() {
            return String.format("%d values (%d more at a kink, skipped), max relative error %.3g at %s",
                    checked, kinks, worst, where);
        }
    }
}
