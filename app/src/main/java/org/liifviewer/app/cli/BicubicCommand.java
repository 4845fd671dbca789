package org.liifviewer.app.cli;

import org.liifviewer.core.export.BicubicImage;
import org.liifviewer.core.export.ExportCost;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.render.ContinuousImage;
import picocli.CommandLine.Command;

/** {@code liif bicubic}: the classic baseline, for comparison with {@code liif upscale}. */
@Command(name = "bicubic", mixinStandardHelpOptions = true,
        description = "Resize IN with bicubic interpolation and write it in the format OUT's extension names.")
final class BicubicCommand extends ResizeCommand {

    @Override
    ContinuousImage source(FloatImage rgb) {
        return new BicubicImage(rgb);
    }

    @Override
    ExportCost.Renderer renderer() {
        return ExportCost.Renderer.BICUBIC;
    }

    @Override
    String progressLabel() {
        return "resizing";
    }
}
