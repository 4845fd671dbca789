package org.liifviewer.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.image.MatlabImresize;
import org.liifviewer.core.io.AtomicFile;
import org.liifviewer.core.liif.Axis;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.EncodedImage;
import org.liifviewer.core.render.LiifModel;
import org.liifviewer.core.render.ShippedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liif crops}: bicubic, LIIF and LIIF-GAN side by side on one region of a ground truth, at several scales. */
@Command(name = "crops", mixinStandardHelpOptions = true,
        description = {"Down-sample IMAGE by each scale (MATLAB bicubic), up-sample it again with bicubic, with a",
                "LIIF-GAN model at realism 0 (its first decoder: LIIF) and at realism 1, and write the square region",
                "at --at of each beside the ground truth, one row per scale, as a PNG."})
final class CropsCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL", required = true,
            description = "a shipped LIIF-GAN model's name or a model file with two decoders")
    Path model;

    @Option(names = "--image", paramLabel = "IMAGE", required = true, description = "the ground truth")
    Path image;

    @Option(names = "--scales", paramLabel = "S", split = ",", defaultValue = "4,8",
            description = "integer scales, one row each (default: ${DEFAULT-VALUE})")
    int[] scales;

    @Option(names = "--at", paramLabel = "X,Y", split = ",", required = true,
            description = "top-left corner of the region in the ground truth's pixels")
    int[] at;

    @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "96",
            description = "side of the square region (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--enlarge", paramLabel = "K", defaultValue = "2",
            description = "each pixel is drawn K x K on the sheet (default: ${DEFAULT-VALUE})")
    int enlarge;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", required = true, description = "output PNG")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (at.length != 2 || size < 1 || enlarge < 1) {
            throw new IllegalArgumentException("--at takes X,Y; --size and --enlarge must be positive");
        }
        LiifModel loaded = ShippedModels.loadArgument(model);
        if (!loaded.hasRealism()) {
            throw new ModelFormatException(model + ": crops compares a LIIF-GAN model's two decoders, and this model"
                    + " has one");
        }
        FloatImage truth = ImageFiles.read(image).rgb();
        CropSheet sheet = new CropSheet(size, enlarge);
        for (int scale : scales) {
            sheet.addRow(row(loaded, truth, scale));
            System.err.println("x" + scale + " done");
        }
        AtomicFile.write(out, stream -> ImageIO.write(sheet.draw(), "png", stream));
        System.err.println("wrote " + out);
        return 0;
    }

    private List<CropSheet.Panel> row(LiifModel loaded, FloatImage truth, int scale) {
        int h = truth.height() / scale * scale;
        int w = truth.width() / scale * scale;
        int x = at[0];
        int y = at[1];
        if (scale < 1 || x < 0 || y < 0 || x + size > w || y + size > h) {
            throw new IllegalArgumentException(image + ": a " + size + "-pixel region at " + x + "," + y
                    + " does not fit in its " + w + "x" + h + " pixels divisible by x" + scale);
        }
        FloatImage cropped = truth.crop(0, 0, h, w);
        FloatImage input = MatlabImresize.resize(cropped, 1.0 / scale);
        FloatImage bicubic = MatlabImresize.resize(input, h, w).crop(y, x, size, size);
        Axis rows = Axis.grid(h, y, size);
        Axis cols = Axis.grid(w, x, size);
        EncodedImage encoded = loaded.encoded(input);
        FloatImage liif = encoded.atRealism(0f).render(rows, cols, RenderMonitor.NONE);
        FloatImage gan = encoded.atRealism(1f).render(rows, cols, RenderMonitor.NONE);
        return List.of(new CropSheet.Panel("bicubic x" + scale, bicubic),
                new CropSheet.Panel("LIIF (realism 0)", liif),
                new CropSheet.Panel("LIIF-GAN (realism 1)", gan),
                new CropSheet.Panel("ground truth", cropped.crop(y, x, size, size)));
    }
}
