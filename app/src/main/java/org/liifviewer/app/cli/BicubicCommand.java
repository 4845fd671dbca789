package org.liifviewer.app.cli;

import org.liifviewer.core.image.Bicubic;
import org.liifviewer.core.image.FloatImage;
import picocli.CommandLine.Command;

/** {@code liif bicubic}: the classic baseline, for comparison with {@code liif upscale}. */
@Command(name = "bicubic", mixinStandardHelpOptions = true,
        description = "Resize IN with bicubic interpolation and write it as an 8-bit PNG (rounded).")
final class BicubicCommand extends ResizeCommand {

    @Override
    FloatImage resize(FloatImage rgb, int outH, int outW) {
        return Bicubic.resize(rgb, outH, outW);
    }
}
