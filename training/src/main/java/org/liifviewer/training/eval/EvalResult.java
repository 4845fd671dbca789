package org.liifviewer.training.eval;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

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

    /** Mean PSNR of {@code method} at {@code scale} over all images of all sets. */
    public double meanPsnr(Method method, int scale) {
        return mean(s -> true, method, scale, ImageScore::psnr);
    }

    /** Mean PSNR of {@code method} at {@code scale} over the images of {@code set}. */
    public double meanPsnr(String set, Method method, int scale) {
        return mean(s -> s.set().equals(set), method, scale, ImageScore::psnr);
    }

    /** Mean SSIM of {@code method} at {@code scale} over all images of all sets. */
    public double meanSsim(Method method, int scale) {
        return mean(s -> true, method, scale, ImageScore::ssim);
    }

    /** Mean SSIM of {@code method} at {@code scale} over the images of {@code set}. */
    public double meanSsim(String set, Method method, int scale) {
        return mean(s -> s.set().equals(set), method, scale, ImageScore::ssim);
    }

    /** Mean gradient ratio of {@code method} at {@code scale} over all images of all sets. */
    public double meanGradientRatio(Method method, int scale) {
        return mean(s -> true, method, scale, ImageScore::gradientRatio);
    }

    /** Mean gradient ratio of {@code method} at {@code scale} over the images of {@code set}. */
    public double meanGradientRatio(String set, Method method, int scale) {
        return mean(s -> s.set().equals(set), method, scale, ImageScore::gradientRatio);
    }

    /** Mean LPIPS of {@code method} at {@code scale} over all images of all sets (NaN when not measured). */
    public double meanLpips(Method method, int scale) {
        return mean(s -> true, method, scale, ImageScore::lpips);
    }

    /** Mean LPIPS of {@code method} at {@code scale} over the images of {@code set}. */
    public double meanLpips(String set, Method method, int scale) {
        return mean(s -> s.set().equals(set), method, scale, ImageScore::lpips);
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

    private double mean(Predicate<ImageScore> which, Method method, int scale, ToDoubleFunction<ImageScore> value) {
        return scores.stream().filter(s -> s.method() == method && s.scale() == scale).filter(which)
                .mapToDouble(value).average().orElse(Double.NaN);
    }
}
