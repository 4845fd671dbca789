package org.liifviewer.training.eval;

/** Mean scores over some of an evaluation's images (all of them, or one set's). */
@FunctionalInterface
interface Means {

    /** Mean of {@code metric} for {@code method} at {@code scale}. */
    double of(Metric metric, Method method, int scale);

    /** Over every image of {@code result}. */
    static Means all(EvalResult result) {
        return result::mean;
    }

    /** Over the images of {@code set} in {@code result}. */
    static Means ofSet(EvalResult result, String set) {
        return (metric, method, scale) -> result.mean(metric, set, method, scale);
    }
}
