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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;

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
    void badInputGivesOneClearLineAndNoOutputFile() throws IOException {
        Path notAModel = Files.writeString(dir.resolve("model.pth"), "hello");
        Path out = dir.resolve("never.png");
        String err = runCapturingStderr("upscale", "--model", notAModel.toString(), "--scale", "2",
                golden("small-full/inp.png").toString(), out.toString());
        assertTrue(err.contains("liif upscale: error: model.pth: not a model file"), err);
        assertFalse(Files.exists(out));
        err = runCapturingStderr("bicubic", "--size", "0x10", golden("small-full/inp.png").toString(), out.toString());
        assertTrue(err.contains("output width 0 is outside"), err);
        err = runCapturingStderr("bicubic", "--scale", "2", dir.resolve("missing.png").toString(), out.toString());
        assertTrue(err.contains("error:") && err.contains("missing.png"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
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
