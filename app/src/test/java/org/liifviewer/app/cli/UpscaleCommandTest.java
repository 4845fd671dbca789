package org.liifviewer.app.cli;

import org.liifviewer.app.SharedFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.export.BicubicImage;
import org.liifviewer.core.export.ExportFormat;
import org.liifviewer.core.export.ExportSettings;
import org.liifviewer.core.export.ImageExporter;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.progress.RenderMonitor;

/** {@code liif upscale} reproduces the official demo images; bad input ends with a clear message. */
class UpscaleCommandTest {

    @TempDir
    Path dir;

    static Path golden(String relative) {
        return SharedFiles.path("golden/" + relative);
    }

    @Test
    void smallAndFullSizeCheckpointsReproduceTheGoldenImagesWithinOneLevel() throws IOException {
        check("small-full/checkpoint.pth", "small-full/inp.png", "37x29", "small-full/data/grid_img_u8.bin", 29, 37);
        check("fullsize-edsr-baseline-liif/edsr-baseline-liif.pth", "fullsize-edsr-baseline-liif/inp.png", "74x89",
                "fullsize-edsr-baseline-liif/data/img_u8.bin", 89, 74);
    }

    private void check(String model, String input, String size, String expected, int h, int w) throws IOException {
        Path out = dir.resolve("out.png");
        assertEquals(0, LiifCli.run("upscale", "--model", golden(model).toString(), "--size", size,
                golden(input).toString(), out.toString()));
        FloatImage img = ImageFiles.read(out).rgb();
        assertEquals(h, img.height());
        assertEquals(w, img.width());
        ByteBuffer gold = ByteBuffer.wrap(Files.readAllBytes(golden(expected)));  // (3, h, w) uint8, truncated
        int maxDiff = 0;
        for (int i = 0; i < img.data().length; i++) {
            int ours = Math.round(img.data()[i] * 255f);
            maxDiff = Math.max(maxDiff, Math.abs(ours - (gold.get(i) & 0xff)));
        }
        assertTrue(maxDiff <= 1, model + ": max difference " + maxDiff + " levels");
    }

    @Test
    void scaleOptionSetsTheOutputSize() throws IOException {
        Path out = dir.resolve("x.png");
        assertEquals(0, LiifCli.run("bicubic", "--scale", "2.5", golden("small-full/inp.png").toString(), out.toString()));
        FloatImage img = ImageFiles.read(out).rgb();
        assertEquals(25, img.height());          // 10 x 2.5
        assertEquals(33, img.width());           // round(13 x 2.5 = 32.5) = 33
    }

    @Test
    void outputFormatFollowsTheExtension() throws IOException {
        String in = smoothImage().toString();
        Path jpeg = dir.resolve("x.JPEG");
        assertEquals(0, LiifCli.run("bicubic", "--scale", "3", "--quality", "0.95", in, jpeg.toString()));
        DecodedImage decodedJpeg = ImageFiles.read(jpeg);
        assertEquals("jpeg", decodedJpeg.formatName());
        assertEquals(60, decodedJpeg.rgb().height());
        assertEquals(120, decodedJpeg.rgb().width());
        Path png = dir.resolve("x.png");
        assertEquals(0, LiifCli.run("bicubic", "--scale", "3", in, png.toString()));
        double difference = meanAbsoluteDifference(decodedJpeg.rgb(), ImageFiles.read(png).rgb());
        assertTrue(difference < 1.0 / 255, "the JPEG holds the same picture as the PNG: " + difference * 255);
        Path tiff = dir.resolve("x.tif");
        assertEquals(0, LiifCli.run("bicubic", "--size", "20x12", "--16-bit", in, tiff.toString()));
        DecodedImage decodedTiff = ImageFiles.read(tiff);
        assertEquals(16, decodedTiff.bitDepth());
        assertEquals(12, decodedTiff.rgb().height());
        assertEquals(20, decodedTiff.rgb().width());
    }

    /** A 40 x 20 image of smooth colour ramps, where a JPEG at high quality is close to the PNG. */
    private Path smoothImage() throws IOException {
        FloatImage img = FloatImage.zeros(3, 20, 40);
        int plane = img.planeSize();
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                img.data()[y * 40 + x] = x / 39f;
                img.data()[plane + y * 40 + x] = y / 19f;
                img.data()[2 * plane + y * 40 + x] = 0.5f;
            }
        }
        Path file = dir.resolve("ramps.png");
        ExportSettings png = ExportSettings.of(img.width(), img.height(), ExportFormat.PNG);
        ImageExporter.export(new BicubicImage(img), null, png, file, RenderMonitor.NONE);
        return file;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void terminatedExportStopsAndLeavesNoFile() throws Exception {
        Path input = smoothImage();
        Path out = dir.resolve("big.png");
        Path log = dir.resolve("child.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LiifCli.class.getName(), "bicubic", "--size", "16000x16000", input.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (temporaryFiles().isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(temporaryFiles().isEmpty(), "the export had begun");
        child.destroy();                                  // SIGTERM, as kill or a closing terminal sends
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not exit");
        String output = Files.readString(log);
        assertTrue(output.contains("stopped: " + out + " was not written"), output);
        assertTrue(child.exitValue() != 0, output);
        assertEquals(List.of(), temporaryFiles());
        assertFalse(Files.exists(out));
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static double meanAbsoluteDifference(FloatImage a, FloatImage b) {
        double sum = 0;
        for (int i = 0; i < a.data().length; i++) {
            sum += Math.abs(a.data()[i] - b.data()[i]);
        }
        return sum / a.data().length;
    }

    @Test
    void badInputGivesOneClearLineAndNoOutputFile() throws IOException {
        Path notAModel = Files.writeString(dir.resolve("model.pth"), "hello");
        Path out = dir.resolve("never.png");
        String err = runCapturingStderr("upscale", "--model", notAModel.toString(), "--scale", "2",
                golden("small-full/inp.png").toString(), out.toString());
        assertTrue(err.contains("liif upscale: error: " + notAModel + ": not a model file"), err);
        assertFalse(Files.exists(out));
        err = runCapturingStderr("bicubic", "--size", "0x10", golden("small-full/inp.png").toString(), out.toString());
        assertTrue(err.contains("output width 0 is outside"), err);
        err = runCapturingStderr("bicubic", "--scale", "2", dir.resolve("missing.png").toString(), out.toString());
        assertTrue(err.contains("error:") && err.contains("missing.png"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(out));
        Path bmp = dir.resolve("never.bmp");
        err = runCapturingStderr("bicubic", "--scale", "2", golden("small-full/inp.png").toString(), bmp.toString());
        assertTrue(err.contains("OUT must end in .png, .jpg, .jpeg, .tif or .tiff: never.bmp"), err);
        assertFalse(Files.exists(bmp));
        Path jpeg = dir.resolve("never.jpg");
        err = runCapturingStderr("bicubic", "--scale", "2", "--16-bit", golden("small-full/inp.png").toString(),
                jpeg.toString());
        assertTrue(err.contains("JPEG cannot be written with 16 bits per sample"), err);
        err = runCapturingStderr("bicubic", "--scale", "2", "--quality", "1.5", golden("small-full/inp.png").toString(),
                jpeg.toString());
        assertTrue(err.contains("JPEG quality must be in [0, 1], got 1.5"), err);
        err = runCapturingStderr("bicubic", "--scale", "2", "--chroma", "422", golden("small-full/inp.png").toString(),
                jpeg.toString());
        assertTrue(err.contains("chroma sampling must be 444 or 420, got 422"), err);
        assertFalse(Files.exists(jpeg));
    }

    @Test
    void realismWeighsALiifGanModelsSecondDecoderAndIsRefusedForOneDecoder() throws IOException {
        var encoder = new org.liifviewer.core.model.EncoderSpec.Edsr("edsr-baseline", 2, 8, 1f);
        var first = new org.liifviewer.core.model.LiifSpec(encoder, new int[] {16}, 3, true, true, true);
        var spec = first.withDetail(new org.liifviewer.core.model.DetailDecoder(first,
                org.liifviewer.core.model.FeatureLayer.LAST, 1f));
        var weights = org.liifviewer.core.bench.RandomWeights.of(spec, 4);
        Path pair = dir.resolve("gan.safetensors");
        Path single = dir.resolve("single.safetensors");
        org.liifviewer.core.model.io.ModelFiles.save(new org.liifviewer.core.model.LiifModelFile(spec, weights,
                java.util.Map.of()), pair);
        org.liifviewer.core.model.io.ModelFiles.save(new org.liifviewer.core.model.LiifModelFile(first,
                org.liifviewer.core.model.DetailDecoder.baseWeightsOf(weights), java.util.Map.of()), single);
        String input = golden("small-full/inp.png").toString();
        Path none = dir.resolve("none.png");
        Path full = dir.resolve("full.png");
        Path alone = dir.resolve("alone.png");
        assertEquals(0, LiifCli.run("upscale", "--model", pair.toString(), "--realism", "0", "--scale", "2", input,
                none.toString()));
        assertEquals(0, LiifCli.run("upscale", "--model", pair.toString(), "--scale", "2", input, full.toString()));
        assertEquals(0, LiifCli.run("upscale", "--model", single.toString(), "--scale", "2", input, alone.toString()));
        FloatImage zero = ImageFiles.read(none).rgb();
        assertTrue(java.util.Arrays.equals(ImageFiles.read(alone).rgb().data(), zero.data()),
                "realism 0 renders the first decoder alone");
        assertTrue(meanAbsoluteDifference(ImageFiles.read(full).rgb(), zero) > 1e-3, "the default realism 1 adds detail");

        Path out = dir.resolve("never.png");
        String err = runCapturingStderr("upscale", "--model", single.toString(), "--realism", "0.5", "--scale", "2",
                input, out.toString());
        assertTrue(err.contains("liif upscale: error: " + single + ": --realism needs a LIIF-GAN model (with a second"
                + " decoder), and this model has one decoder"), err);
        err = runCapturingStderr("upscale", "--model", pair.toString(), "--realism", "1.5", "--scale", "2", input,
                out.toString());
        assertTrue(err.contains("--realism 1.5 is outside [0, 1]"), err);
        assertFalse(Files.exists(out));
    }

    private static String runCapturingStderr(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        try {
            int status = LiifCli.run(args);
            assertEquals(1, status);
        } finally {
            System.setErr(old);
        }
        return buf.toString();
    }

    @Test
    void convertWritesAnEquivalentSafetensorsModel() throws IOException {
        Path out = dir.resolve("model.safetensors");
        assertEquals(0, LiifCli.run("convert", golden("small-full/checkpoint.pth").toString(), out.toString()));
        var original = org.liifviewer.core.model.io.ModelFiles.load(golden("small-full/checkpoint.pth"));
        var converted = org.liifviewer.core.model.io.ModelFiles.load(out);
        assertEquals(original.spec(), converted.spec());
        assertEquals(original.weights().asMap(), converted.weights().asMap());
    }
}
