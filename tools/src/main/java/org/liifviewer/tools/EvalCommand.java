package org.liifviewer.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.liifviewer.core.io.FileChecks;
import org.liifviewer.core.render.ShippedModels;
import org.liifviewer.training.eval.EvalOptions;
import org.liifviewer.training.eval.EvalProtocol;
import org.liifviewer.training.eval.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liif eval}: PSNR / SSIM / gradient ratio of a model (a LIIF-GAN model also at {@code --realism}) and of the
 * bicubic baseline on test sets, as LIIF's test.py.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a model on test sets (PSNR, SSIM, gradient ratio) next to bicubic.",
                "As LIIF's test.py does; the bicubic baseline is MATLAB imresize. x2-x4 use the LR_bicubic files when present;",
                "other scales generate the LR with Pillow bicubic from the HR cropped to a",
                "multiple of the scale. Prints a table per set (methods x scales); progress",
                "goes to stderr.",
                "--protocol whole-image --input-size L scores the CelebA-HQ task of the paper's Table 5: each",
                "(square) HR image resized to LxL is the input, resized to (L*scale)^2 the ground truth",
                "(Pillow bicubic, 8 bits), RGB PSNR without shave; e.g. --input-size 32 --scales 8 is 32->256."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL", required = true,
            description = "a shipped model's name (liif-default, ...) or a model file: ours (.safetensors) or an"
                    + " official LIIF checkpoint (.pth)")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", required = true, split = ",",
            description = "test set folder(s), comma-separated, each with HR/ and optionally LR_bicubic/X<s>/")
    List<Path> data;

    @Option(names = "--protocol", paramLabel = "div2k|benchmark|whole-image", required = true,
            description = "div2k: RGB PSNR, shave scale+6; benchmark: Y PSNR, shave scale (Set5, Set14, B100, Urban100);"
                    + " whole-image: the whole image at LxL in, at L*scale square out, RGB PSNR, no shave (needs"
                    + " --input-size)")
    String protocol;

    @Option(names = "--input-size", paramLabel = "L", defaultValue = "0",
            description = "the input side L of --protocol whole-image (64 for 64->128, 32 for 32->256)")
    int inputSize;

    @Option(names = "--scales", paramLabel = "S,S,...", split = ",", defaultValue = "2,3,4,6,12,18,24,30",
            description = "integer scales (default: ${DEFAULT-VALUE})")
    List<Integer> scales;

    @Option(names = "--json", description = "print a JSON summary as the last line: {\"model\": {scale: psnr}, \"bicubic\": {...}, ...}")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "write DIR/eval.csv (means and per-image rows) and DIR/psnr_vs_scale.png")
    Path out;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "only the first N images of each set (0: all)")
    int limit;

    @Option(names = "--realism", paramLabel = "ALPHA",
            description = "for a LIIF-GAN model (scored at realism 1): also score decoder 1 + ALPHA x decoder 2")
    Float realism;

    @Option(names = "--lpips", paramLabel = "LIN,BACKBONE", split = ",",
            description = "also score LPIPS: the lpips package's linear layers (weights/v0.1/vgg.pth) and torchvision's"
                    + " VGG16 (vgg16-*.pth), or the same tensors as safetensors")
    List<Path> lpips = List.of();

    @Override
    public Integer call() throws Exception {
        EvalProtocol parsed = EvalProtocol.parse(protocol);
        if (ShippedModels.named(model).isEmpty()) {
            FileChecks.requireReadableFile(model);
        }
        if (out != null) {
            FileChecks.requireFolderOrAbsent(out);
        }
        Evaluator.run(new EvalOptions(model, data, parsed, scales, json, out, limit, realism, lpips,
                inputSize), System.out);
        return 0;
    }
}
