package org.liifviewer.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.app.SharedFiles;

/** {@code liif eval} runs through the command line; bad options end with a clear message. */
class EvalCommandTest {

    @TempDir
    Path dir;

    private static String b100() {
        return SharedFiles.path("data/B100").toString();
    }

    @Test
    void oneImageGivesTheJsonLineAndTheFiles() throws Exception {
        ToolRun run = ToolRun.of("eval", "--model", SharedFiles.path("golden/small-full/checkpoint.pth").toString(),
                "--data", b100(), "--protocol", "benchmark", "--scales", "2,8", "--limit", "1", "--json",
                "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.lastLine());
        assertTrue(json.get("bicubic").get("8").asDouble() > 15, json.toString());
        assertTrue(json.get("model").has("2"), json.toString());
        assertTrue(Files.size(dir.resolve("psnr_vs_scale.png")) > 0);
        assertEquals(1 + 4 + 4, Files.readAllLines(dir.resolve("eval.csv")).size());
    }

    @Test
    void theWholeImageProtocolScoresTableFivesTaskFromTheCommandLine() throws Exception {
        java.awt.image.BufferedImage face = new java.awt.image.BufferedImage(64, 64,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                face.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | (x * y) & 0xFF);
            }
        }
        Path hr = Files.createDirectories(dir.resolve("faces/HR"));
        javax.imageio.ImageIO.write(face, "png", hr.resolve("face.png").toFile());
        ToolRun run = ToolRun.of("eval", "--model", SharedFiles.path("golden/small-full/checkpoint.pth").toString(),
                "--data", dir.resolve("faces").toString(), "--protocol", "whole-image", "--input-size", "16",
                "--scales", "4", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.lastLine());
        assertTrue(json.get("model").get("4").asDouble() > 10, json.toString());
        assertTrue(run.out().contains("LR input: resized"), run.out());
    }

    @Test
    void unknownProtocolIsAUserError() {
        String err = ToolRun.refusal("eval", "--model", "m.pth", "--data", "d", "--protocol", "set5");
        assertTrue(err.contains("unknown protocol 'set5'"), err);
    }

    @Test
    void anOutputThatIsAFileIsRefusedInOneLineNamingIt() throws Exception {
        Path csv = Files.writeString(dir.resolve("eval.csv"), "not a folder");
        String err = ToolRun.refusal("eval", "--model", SharedFiles.path("golden/small-full/checkpoint.pth").toString(),
                "--data", b100(), "--protocol", "benchmark", "--out", csv.toString());
        assertTrue(err.contains(csv.toString()), err);
    }
}
