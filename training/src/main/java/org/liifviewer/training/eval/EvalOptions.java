package org.liifviewer.training.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Evaluator#run} evaluates.
 *
 * @param model    model file (official checkpoint or LIIF Viewer safetensors)
 * @param dataSets one or more set folders, each {@code HR/} plus optional {@code LR_bicubic/X<s>/}
 * @param protocol how PSNR and SSIM are measured
 * @param scales   integer upscaling factors, each at least 2, no duplicates
 * @param json     whether the last line of the report is a JSON summary
 * @param outDir   folder for {@code eval.csv} and {@code psnr_vs_scale.png}, or null for none
 * @param limit    evaluate only the first {@code limit} images of each set (by file name); 0 for all
 * @param realism  for a LIIF-GAN model, a second realism to score beside realism 1; null for none
 * @param lpips    LPIPS's linear layers and VGG16 backbone files ({@link Lpips}), or empty for no LPIPS
 * @param inputSize the input side L of the {@link EvalProtocol#WHOLE_IMAGE} protocol (which needs it), else 0
 */
public record EvalOptions(Path model, List<Path> dataSets, EvalProtocol protocol, List<Integer> scales,
                          boolean json, Path outDir, int limit, Float realism, List<Path> lpips, int inputSize) {

    /** Options without a second realism and without LPIPS. */
    public EvalOptions(Path model, List<Path> dataSets, EvalProtocol protocol, List<Integer> scales, boolean json,
                       Path outDir, int limit) {
        this(model, dataSets, protocol, scales, json, outDir, limit, null, List.of(), 0);
    }

    /** Options of the protocols without an input size (div2k, benchmark). */
    public EvalOptions(Path model, List<Path> dataSets, EvalProtocol protocol, List<Integer> scales, boolean json,
                       Path outDir, int limit, Float realism, List<Path> lpips) {
        this(model, dataSets, protocol, scales, json, outDir, limit, realism, lpips, 0);
    }

    public EvalOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(protocol, "protocol");
        dataSets = List.copyOf(dataSets);
        scales = List.copyOf(scales);
        lpips = List.copyOf(lpips);
        if (!lpips.isEmpty() && lpips.size() != 2) {
            throw new IllegalArgumentException("--lpips needs two files, LINEAR_LAYERS,BACKBONE; got " + lpips.size());
        }
        if (dataSets.isEmpty()) {
            throw new IllegalArgumentException("no data set given");
        }
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("no scale given");
        }
        for (int s : scales) {
            if (s < 2) {
                throw new IllegalArgumentException("scales must be integers >= 2, got " + s);
            }
        }
        if (scales.stream().distinct().count() != scales.size()) {
            throw new IllegalArgumentException("duplicate scale in " + scales);
        }
        if (realism != null && !(realism >= 0f && realism <= 1f)) {
            throw new IllegalArgumentException("--realism " + realism + " is outside [0, 1]");
        }
        if ((protocol == EvalProtocol.WHOLE_IMAGE) != (inputSize > 0)) {
            throw new IllegalArgumentException(protocol == EvalProtocol.WHOLE_IMAGE
                    ? "--protocol whole-image needs --input-size L (the input side)"
                    : "--input-size applies to --protocol whole-image only");
        }
        if (inputSize < 0) {
            throw new IllegalArgumentException("--input-size must be positive, got " + inputSize);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
    }
}
