package org.liifviewer.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liifviewer.core.image.Bicubic;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Parameters;

/**
 * Shared shape of the commands that read one image, resize it and write an 8-bit PNG (values rounded);
 * an alpha channel is resized bicubically beside the colour.
 */
abstract class ResizeCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    OutputSize size;

    @Parameters(index = "0", paramLabel = "IN", description = "input image (PNG, JPEG, BMP, TIFF, WebP)")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "output PNG, written atomically")
    Path output;

    @Override
    public final Integer call() throws Exception {
        DecodedImage image = ImageFiles.read(input);
        int[] hw = size.resolve(image.rgb().height(), image.rgb().width());
        FloatImage rgb = resize(image.rgb(), hw[0], hw[1]);
        FloatImage alpha = image.alpha().map(a -> Bicubic.resize(a, hw[0], hw[1])).orElse(null);
        ImageFiles.writePng8(rgb, alpha, output);
        System.err.printf("wrote %s (%dx%d)%n", output, hw[1], hw[0]);
        return 0;
    }

    /** The colour image resized to {@code outH x outW}, values in [0, 1]. */
    abstract FloatImage resize(FloatImage rgb, int outH, int outW) throws Exception;
}
