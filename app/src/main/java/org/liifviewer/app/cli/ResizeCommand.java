package org.liifviewer.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.liifviewer.core.export.ChromaSampling;
import org.liifviewer.core.export.ExportCost;
import org.liifviewer.core.export.ExportFormat;
import org.liifviewer.core.export.ExportSettings;
import org.liifviewer.core.export.ImageExporter;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.io.FileChecks;
import org.liifviewer.core.io.StopOnShutdown;
import org.liifviewer.core.render.ContinuousImage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Shared shape of the commands that read one image and write it at another size: the output is streamed in
 * strips through core's {@link ImageExporter} (memory bounded whatever the size, written atomically, EXIF and
 * ICC profile kept), in the format OUT's extension names; an alpha channel is resized bicubically beside the
 * colour where the format has one. Ctrl-C or {@code kill} stops the export cleanly: no file is left behind. An
 * output estimated beyond {@link ExportCost}'s limits is refused unless {@code --force} is given.
 */
abstract class ResizeCommand implements Callable<Integer> {

    /** Exit status when stopped by a signal before the output was complete (128 + SIGINT, as shells report). */
    static final int STOPPED = 130;

    @ArgGroup(exclusive = true, multiplicity = "1")
    OutputSize size;

    @Parameters(index = "0", paramLabel = "IN", description = "input image (PNG, JPEG, BMP, TIFF, WebP)")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT",
            description = "output image, .png, .jpg/.jpeg or .tif/.tiff; written atomically")
    Path output;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "0.92",
            description = "JPEG quality in [0, 1] (default: ${DEFAULT-VALUE})")
    float quality;

    @Option(names = "--chroma", paramLabel = "444|420", defaultValue = "444",
            description = "JPEG colour resolution: 444 full (sharp coloured edges) or 420 halved each way "
                    + "(smaller files) (default: ${DEFAULT-VALUE})")
    String chroma;

    @Option(names = "--16-bit", description = "16 bits per sample (PNG and TIFF; default 8, rounded)")
    boolean sixteenBit;

    @Option(names = "--force", description = "write the output even when it is estimated to exceed 1 gigapixel, "
            + "an hour's rendering or the free disk space")
    boolean force;

    @Override
    public final Integer call() throws Exception {
        ExportFormat format = formatOf(output);
        FileChecks.requireWritableTarget(output);
        DecodedImage image = ImageFiles.read(input);
        int[] hw = size.resolve(image.rgb().height(), image.rgb().width());
        var settings = new ExportSettings(hw[1], hw[0], format, sixteenBit ? 16 : 8, quality,
                ChromaSampling.parse(chroma), image.exif(), image.iccProfile());
        ExportCost cost = ExportCost.of(settings, image.alpha().isPresent(), renderer(),
                (long) image.width() * image.height());
        if (!force) {
            cost.excess(ExportCost.freeSpaceFor(output)).ifPresent(why -> {
                throw new IllegalArgumentException(output + ": " + why + "; add --force to go ahead");
            });
        }
        if (image.alpha().isPresent() && !format.supportsAlpha()) {
            System.err.println("note: " + format + " has no alpha channel; the transparency is dropped");
        }
        ContinuousImage source = source(image.rgb());
        ConsoleProgress progress = new ConsoleProgress(progressLabel());
        try (StopOnShutdown stop = new StopOnShutdown(progress::cancel)) {
            try {
                ImageExporter.export(source, image.alpha().orElse(null), settings, output, progress);
            } catch (CancellationException e) {     // reported before the hook lets the JVM exit
                System.err.printf("%nstopped: %s was not written%n", output);
                return STOPPED;
            }
        }
        System.err.printf("wrote %s (%dx%d %s)%n", output, hw[1], hw[0], format);
        return 0;
    }

    /** The format {@code file}'s extension names; any other extension is refused rather than guessed. */
    static ExportFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.matches(".*\\.(png|jpe?g|tiff?)")) {
            throw new IllegalArgumentException("OUT must end in .png, .jpg, .jpeg, .tif or .tiff: " + file.getFileName());
        }
        return ExportFormat.forFileName(name);
    }

    /** What renders the output, for the estimate of its cost. */
    abstract ExportCost.Renderer renderer();

    /** The input's colour seen as a continuous image, rendered strip by strip at the output size. */
    abstract ContinuousImage source(FloatImage rgb) throws Exception;

    /** What the progress bar calls the work. */
    abstract String progressLabel();
}
