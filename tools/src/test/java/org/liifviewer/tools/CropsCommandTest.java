package org.liifviewer.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.app.SharedFiles;
import org.liifviewer.core.bench.RandomWeights;
import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.io.ModelFiles;

/**
 * {@code liif crops} draws one row of four panels per scale (bicubic, realism 0, realism 1, ground truth) and refuses
 * a one-decoder model and a region outside the image in one line.
 */
class CropsCommandTest {

    private static final int SIZE = 20;
    private static final int ENLARGE = 2;

    @TempDir
    Path dir;

    @Test
    void eachScaleIsARowOfFourPanelsAndTheGroundTruthIsTheImagesPixels() throws Exception {
        Path model = ganModel();
        Path out = dir.resolve("crops.png");
        Path image = SharedFiles.path("data/Set5/HR/baby.png");
        assertEquals(0, LiifTools.run("crops", "--model", model.toString(), "--image", image.toString(),
                "--scales", "2,4", "--at", "100,60", "--size", Integer.toString(SIZE), "--enlarge",
                Integer.toString(ENLARGE), "--out", out.toString()));

        BufferedImage sheet = ImageIO.read(out.toFile());
        BufferedImage truth = ImageIO.read(image.toFile());
        int panel = SIZE * ENLARGE;
        assertEquals(6 + 4 * (panel + 6), sheet.getWidth(), "four panels a row, 6 pixels apart");
        assertEquals(6 + 2 * (22 + panel + 6), sheet.getHeight(), "two rows, each under a 22-pixel caption");
        // the ground truth panel of the first row, found as the last panel whose top-left pixel equals the image's
        int truthPixel = truth.getRGB(100, 60) & 0xFFFFFF;
        int lastColumnLeft = sheet.getWidth() - 6 - panel;
        int firstRowTop = 6 + 22;
        assertEquals(truthPixel, sheet.getRGB(lastColumnLeft, firstRowTop) & 0xFFFFFF);
        assertEquals(truth.getRGB(100 + SIZE - 1, 60 + SIZE - 1) & 0xFFFFFF,
                sheet.getRGB(lastColumnLeft + panel - 1, firstRowTop + panel - 1) & 0xFFFFFF);
        int realism0 = sheet.getRGB(6 + (panel + 6) + panel / 2, firstRowTop + panel / 2);
        int realism1 = sheet.getRGB(6 + 2 * (panel + 6) + panel / 2, firstRowTop + panel / 2);
        assertNotEquals(realism0, realism1, "the second decoder adds something at realism 1");
    }

    @Test
    void aOneDecoderModelAndARegionOutsideTheImageAreRefusedInOneLine() throws Exception {
        Path image = SharedFiles.path("data/Set5/HR/baby.png");
        String oneDecoder = refusal("--model", SharedFiles.path("golden/small-full/checkpoint.pth").toString(),
                "--image", image.toString(), "--at", "0,0", "--out", dir.resolve("a.png").toString());
        assertTrue(oneDecoder.contains("has one"), oneDecoder);
        String outside = refusal("--model", ganModel().toString(), "--image", image.toString(), "--at", "500,500",
                "--out", dir.resolve("b.png").toString());
        assertTrue(outside.contains("does not fit") && outside.contains("baby.png"), outside);
        assertFalse(Files.exists(dir.resolve("a.png")) || Files.exists(dir.resolve("b.png")));
    }

    private static String refusal(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "crops";
        System.arraycopy(options, 0, args, 1, options.length);
        return ToolRun.refusal(args);
    }

    private Path ganModel() throws Exception {
        EncoderSpec.Edsr edsr = new EncoderSpec.Edsr("edsr-baseline", 1, 8, 1f);
        LiifSpec first = new LiifSpec(edsr, new int[] {16}, 3, true, true, true);
        LiifSpec spec = first.withDetail(new DetailDecoder(new LiifSpec(edsr, new int[] {12}, 3, true, true, true),
                FeatureLayer.LAST, 1f));
        Path file = dir.resolve("gan.safetensors");
        ModelFiles.save(new LiifModelFile(spec, RandomWeights.of(spec, 6), Map.of()), file);
        return file;
    }
}
