package org.liifviewer.app.cli;

import java.nio.file.Path;
import org.liifviewer.core.export.ExportCost;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.render.ContinuousImage;
import org.liifviewer.core.render.LiifModel;
import org.liifviewer.core.render.ShippedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liif upscale}: renders an image's LIIF representation at another size. */
@Command(name = "upscale", mixinStandardHelpOptions = true,
        description = {"Render IN with a LIIF model at a new size and write it in the format OUT's extension names",
                "(PNG, JPEG, TIFF), streamed in strips. The cell decoding, feature unfolding and local ensemble",
                "follow the model file; --realism sets a LIIF-GAN model's detail."})
final class UpscaleCommand extends ResizeCommand {

    @Option(names = "--model", paramLabel = "MODEL", required = true,
            description = "a shipped model's name (liif-default, ...) or a model file: ours (.safetensors) or an"
                    + " official LIIF checkpoint (.pth)")
    Path model;

    @Option(names = "--realism", paramLabel = "ALPHA",
            description = "for a LIIF-GAN model (two decoders): output = decoder 1 + ALPHA x decoder 2, from 0 (the"
                    + " first decoder alone) to 1 (the most detail); default: the model's own, 1 for a LIIF-GAN model")
    Float realism;

    @Override
    ContinuousImage source(FloatImage rgb) throws Exception {
        LiifModel loaded = ShippedModels.loadArgument(model);
        if (realism == null) {
            return loaded.encode(rgb);
        }
        if (!loaded.hasRealism()) {
            throw new ModelFormatException(model + ": --realism needs a LIIF-GAN model (with a second decoder), and"
                    + " this model has one decoder");
        }
        if (!(realism >= 0f && realism <= 1f)) {
            throw new IllegalArgumentException("--realism " + realism + " is outside [0, 1]");
        }
        return loaded.encode(rgb, realism);
    }

    @Override
    ExportCost.Renderer renderer() {
        return ExportCost.Renderer.LIIF;
    }

    @Override
    String progressLabel() {
        return "decoding";
    }
}
