package org.liifviewer.app.cli;

import java.nio.file.Path;
import org.liifviewer.core.export.ExportCost;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.render.ContinuousImage;
import org.liifviewer.core.render.ShippedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liif upscale}: renders an image's LIIF representation at another size. */
@Command(name = "upscale", mixinStandardHelpOptions = true,
        description = {"Render IN with a LIIF model at a new size and write it in the format OUT's extension names",
                "(PNG, JPEG, TIFF), streamed in strips. The cell decoding, feature unfolding and local ensemble",
                "follow the model file."})
final class UpscaleCommand extends ResizeCommand {

    @Option(names = "--model", paramLabel = "MODEL", required = true,
            description = "a shipped model's name (liif-default, ...) or a model file: ours (.safetensors) or an"
                    + " official LIIF checkpoint (.pth)")
    Path model;

    @Override
    ContinuousImage source(FloatImage rgb) throws Exception {
        return ShippedModels.loadArgument(model).encode(rgb);
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
