package org.liifviewer.training.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * The one-line JSON summary: {@code {"model": {"2": psnr, ...}, "bicubic": {"2": psnr, ...}, "ssim": {"model":
 * {...}, "bicubic": {...}}}}, means over all evaluated images (null where the model cannot do a scale); with several sets also {@code "sets": {name:
 * {the same three keys}}}. Values are rounded to 4 decimals.
 */
public final class JsonSummary {

    private JsonSummary() {
    }

    /** The summary as a single line of JSON. */
    public static String of(EvalResult result) {
        Map<String, Object> json = block(result, result::meanPsnr, result::meanSsim);
        if (result.sets().size() > 1) {
            Map<String, Object> sets = new LinkedHashMap<>();
            for (String set : result.sets()) {
                sets.put(set, block(result, (m, s) -> result.meanPsnr(set, m, s), (m, s) -> result.meanSsim(set, m, s)));
            }
            json.put("sets", sets);
        }
        try {
            return new ObjectMapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers always serialises", e);
        }
    }

    private static Map<String, Object> block(EvalResult result, ToDoubleBiFunction<Method, Integer> psnr,
                                             ToDoubleBiFunction<Method, Integer> ssim) {
        Map<String, Object> block = new LinkedHashMap<>();
        Map<String, Object> ssimBlock = new LinkedHashMap<>();
        for (Method m : new Method[] {Method.MODEL, Method.BICUBIC}) {
            block.put(m.label(), byScale(result, m, psnr));
            ssimBlock.put(m.label(), byScale(result, m, ssim));
        }
        block.put("ssim", ssimBlock);
        return block;
    }

    private static Map<String, Double> byScale(EvalResult result, Method m, ToDoubleBiFunction<Method, Integer> value) {
        Map<String, Double> byScale = new LinkedHashMap<>();
        for (int s : result.scales()) {
            double v = value.applyAsDouble(m, s);
            byScale.put(Integer.toString(s), Double.isNaN(v) ? null : Math.round(v * 1e4) / 1e4);
        }
        return byScale;
    }
}
