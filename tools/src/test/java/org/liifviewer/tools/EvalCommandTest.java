package org.liifviewer.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = LiifTools.run("eval", "--model", SharedFiles.path("golden/small-full/checkpoint.pth").toString(),
                    "--data", b100(), "--protocol", "benchmark", "--scales", "2,8", "--limit", "1", "--json",
                    "--out", dir.toString());
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, status);
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
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
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = LiifTools.run("eval", "--model", SharedFiles.path("golden/small-full/checkpoint.pth").toString(),
                    "--data", dir.resolve("faces").toString(), "--protocol", "whole-image", "--input-size", "16",
                    "--scales", "4", "--json");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, status);
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertTrue(json.get("model").get("4").asDouble() > 10, json.toString());
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("LR input: resized"), captured.toString());
    }

    @Test
    void unknownProtocolIsAUserError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, LiifTools.run("eval", "--model", "m.pth", "--data", "d", "--protocol", "set5"));
        } finally {
            System.setErr(stderr);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown protocol 'set5'"), err.toString());
    }

    @Test
    void anOutputThatIsAFileIsRefusedInOneLineNamingIt() throws Exception {
        Path csv = Files.writeString(dir.resolve("eval.csv"), "not a folder");
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = LiifTools.run("eval", "--model", SharedFiles.path("golden/small-full/checkpoint.pth").toString(),
                    "--data", b100(), "--protocol", "benchmark", "--out", csv.toString());
        } finally {
            System.setErr(stderr);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, status);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(csv.toString()) && !err.contains("Exception"), err);
    }
}
