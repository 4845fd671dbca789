package org.liifviewer.training.eval;

import java.util.List;
import java.util.function.Predicate;

/**
 * The outcome of an evaluation: every per-image score and the means the literature reports (mean of
 * per-image PSNRs, as {@code test.py}).
 *
 * @param modelName the model file's name
 * @param protocol  how the scores were measured
 * @param sets      names of the evaluated sets, in order
 * @param scales    the scales, in the order asked for
 * @param scores    one entry per set, image, scale and method
 */
public record EvalResult(String modelName, EvalProtocol protocol, List<String> sets, List<Integer> scales,
                         List<ImageScore> scores) {

    public EvalResult {
        sets = List.copyOf(sets);
        scales = List.copyOf(scales);
        scores = List.copyOf(scores);
    }

    /** Mean of {@code metric} for {@code method} at {@code scale} over all images of all sets. */
    public double mean(Metric metric, Method method, int scale) {
        return mean(s -> true, method, scale, metric);
    }

    /** Mean of {@code metric} for {@code method} at {@code scale} over the images of {@code set}. */
    public double mean(Metric metric, String set, Method method, int scale) {
        return mean(s -> s.set().equals(set), method, scale, metric);
    }

    /** Whether LPIPS was measured. */
    public boolean hasLpips() {
        return !scores.isEmpty() && !Double.isNaN(scores.get(0).lpips());
    }

    /** The methods that were scored, in {@link Method} order. */
    public List<Method> methods() {
        return java.util.Arrays.stream(Method.values())
                .filter(m -> scores.stream().anyMatch(s -> s.method() == m)).toList();
    }

    /** The per-image scores of {@code set} at {@code scale} for {@code method}. */
    public List<ImageScore> scores(String set, Method method, int scale) {
        return scores.stream()
                .filter(s -> s.set().equals(set) && s.method() == method && s.scale() == scale).toList();
    }

    private double mean(Predicate<ImageScore> which, Method method, int scale, Metric metric) {
        return scores.stream().filter(s -> s.method() == method && s.scale() == scale).filter(which)
                .mapToDouble(metric::of).average().orElse(Double.NaN);
    }
}
