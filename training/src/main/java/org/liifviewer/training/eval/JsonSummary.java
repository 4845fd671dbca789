package org.liifviewer.training.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-line JSON summary: {@code {"model": {"2": psnr, ...}, "bicubic": {"2": psnr, ...}, "ssim": {"model":
 * {...}, "bicubic": {...}}, "gradient_ratio": {the same two}}}, means over all evaluated images (null where the model
 * cannot do a scale); a LIIF-GAN model evaluated at {@code --realism} adds {@code "model-realism"} beside
 * {@code "model"} in each; with several sets also {@code "sets": {name: {the same keys}}}. Values are rounded to 4
 * decimals.
 */
public final class JsonSummary {

    private JsonSummary() {
    }

    /** The summary as a single line of JSON. */
    public static String of(EvalResult result) {
        Map<String, Object> json = block(result, Means.all(result));
        if (result.sets().size() > 1) {
            Map<String, Object> sets = new LinkedHashMap<>();
            for (String set : result.sets()) {
                sets.put(set, block(result, Means.ofSet(result, set)));
            }
            json.put("sets", sets);
        }
        try {
            return new ObjectMapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers always serialises", e);
        }
    }

    private static Map<String, Object> block(EvalResult result, Means means) {
        Map<String, Object> block = new LinkedHashMap<>();
        Map<String, Object> ssimBlock = new LinkedHashMap<>();
        Map<String, Object> gradientBlock = new LinkedHashMap<>();
        List<Method> methods = new ArrayList<>(List.of(Method.MODEL, Method.BICUBIC));
        if (result.methods().contains(Method.MODEL_AT_REALISM)) {
            methods.add(1, Method.MODEL_AT_REALISM);
        }
        for (Method m : methods) {
            block.put(m.label(), byScale(result, m, Metric.PSNR, means));
            ssimBlock.put(m.label(), byScale(result, m, Metric.SSIM, means));
            gradientBlock.put(m.label(), byScale(result, m, Metric.GRADIENT_RATIO, means));
        }
        block.put("ssim", ssimBlock);
        block.put("gradient_ratio", gradientBlock);
        return block;
    }

    private static Map<String, Double> byScale(EvalResult result, Method m, Metric metric, Means means) {
        Map<String, Double> byScale = new LinkedHashMap<>();
        for (int s : result.scales()) {
            double v = means.of(metric, m, s);
            byScale.put(Integer.toString(s), Double.isNaN(v) ? null : Math.round(v * 1e4) / 1e4);
        }
        return byScale;
    }
}
