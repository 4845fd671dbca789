package org.liifviewer.core.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

/** LIIF Viewer's safetensors files: round trip, and every malformed header refused. */
class SafetensorsFormatTest {

    private static final String META = "\"__metadata__\":{\"format\":\"liif-viewer\",\"spec\":\"{}\"}";

    @TempDir
    Path dir;

    @Test
    void pthToSafetensorsRoundTripKeepsSpecWeightsAndMetadata() throws IOException {
        for (String source : new String[] {"small-c/checkpoint.pth", "fullsize-edsr-baseline-liif/edsr-baseline-liif.pth"}) {
            LiifModelFile original = ModelFiles.load(Goldens.file(source));
            Path file = dir.resolve("model.safetensors");
            ModelFiles.save(original, file);
            LiifModelFile copy = ModelFiles.load(file);
            assertEquals(original.spec(), copy.spec());
            assertEquals(original.weights().asMap(), copy.weights().asMap());
            assertEquals(original.metadata(), copy.metadata());
        }
    }

    @Test
    void aStreamLoadsAsItsFileDoesAndOnlyOurFormat() throws IOException {
        LiifModelFile original = ModelFiles.load(Goldens.file("small-full/checkpoint.pth"));
        Path file = dir.resolve("model.safetensors");
        ModelFiles.save(original, file);
        try (InputStream in = Files.newInputStream(file)) {
            LiifModelFile streamed = ModelFiles.load(in, "model");
            assertEquals(original.spec(), streamed.spec());
            assertEquals(original.weights().asMap(), streamed.weights().asMap());
        }
        try (InputStream in = Files.newInputStream(Goldens.file("small-full/checkpoint.pth"))) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(in, "a.pth"));
            assertTrue(e.getMessage().startsWith("a.pth: not a LIIF Viewer .safetensors model"), e.getMessage());
        }
    }

    @Test
    void checkpointKeepsTrainingStateThatPlainLoadingIgnores() throws IOException {
        LiifModelFile model = ModelFiles.load(Goldens.file("small-full/checkpoint.pth"));
        Tensor m = new Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
        Path file = dir.resolve("ckpt.safetensors");
        ModelFiles.saveCheckpoint(model, new Weights(Map.of("optimizer.head.m", m)), file);
        assertEquals(model.weights().asMap(), ModelFiles.load(file).weights().asMap());
        assertEquals(Map.of("optimizer.head.m", m), ModelFiles.loadTensors(file).trainingState().asMap());
        assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.saveCheckpoint(model, new Weights(Map.of("extra.m", m)), file));
    }

    @Test
    void savingIsDeterministicAndWritesTheDocumentedHeader() throws IOException {
        LiifModelFile model = ModelFiles.load(Goldens.file("small-full/checkpoint.pth"));
        Path a = dir.resolve("a.safetensors");
        Path b = dir.resolve("b.safetensors");
        ModelFiles.save(model, a);
        ModelFiles.save(model, b);
        byte[] bytes = Files.readAllBytes(a);
        assertArrayEquals(bytes, Files.readAllBytes(b));
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8);
        var header = Goldens.JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        assertEquals("liif-viewer", header.at("/__metadata__/format").asText());
        assertEquals("1", header.at("/__metadata__/epoch").asText());
        assertEquals("F32", header.at("/encoder.head.0.weight/dtype").asText());
        assertEquals("[16,3,3,3]", header.at("/encoder.head.0.weight/shape").toString());
        assertEquals(8 + n + 4 * model.weights().parameterCount(), bytes.length);
    }

    @Test
    void headerLengthBeyondTheFileIsRefused() throws IOException {
        assertRefused(file(1000, "{}", 0), "the header length 1000 does not fit the file size 10");
    }

    @Test
    void hugeHeaderLengthIsRefusedWithoutAllocating() throws IOException {
        assertRefused(file(Long.MAX_VALUE, "{}", 0), "does not fit the file size");
    }

    @Test
    void overlappingOffsetsAreRefused() throws IOException {
        String header = "{" + META + ",\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        assertRefused(file(-1, header, 12), "tensor 'b' starts at 4, expected 8 (it overlaps the previous tensor)");
    }

    @Test
    void byteCountNotMatchingShapeIsRefused() throws IOException {
        String header = "{" + META + ",\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        assertRefused(file(-1, header, 8), "tensor 'a' of shape [3] and dtype F32 does not match its 8 bytes");
    }

    @Test
    void nonJsonHeaderIsRefused() throws IOException {
        assertRefused(file(-1, "{\"__metadata__\": nope", 0), "the header is not valid JSON");
    }

    @Test
    void duplicateTensorNamesAreRefused() throws IOException {
        String t = "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        assertRefused(file(-1, "{" + META + "," + t + "," + t + "}", 4), "Duplicate field 'a'");
    }

    @Test
    void unknownDtypeIsRefused() throws IOException {
        String header = "{" + META + ",\"a\":{\"dtype\":\"Q4\",\"shape\":[2],\"data_offsets\":[0,1]}}";
        assertRefused(file(-1, header, 1), "tensor 'a' has the unknown dtype 'Q4'");
    }

    @Test
    void integerWeightsAreRefused() throws IOException {
        String header = "{" + META + ",\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        assertRefused(file(-1, header, 8), "I64 values cannot be model weights");
    }

    @Test
    void foreignSafetensorsWithoutOurFormatTagIsRefused() throws IOException {
        String header = "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertRefused(file(-1, header, 4), "not a LIIF Viewer model");
    }

    @Test
    void halfBfloatAndDoubleAreConvertedToFloat() throws ModelFormatException {
        ByteBuffer half = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x7bff).putShort((short) 0x0001)
                .putShort((short) 0xfc00).flip();
        assertArrayEquals(new float[] {1f, -2f, 65504f, 0x1p-24f, Float.NEGATIVE_INFINITY}, DType.F16.decode(half, 5));
        ByteBuffer bf16 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3fc0).putShort((short) 0xbf80).flip();
        assertArrayEquals(new float[] {1.5f, -1f}, DType.BF16.decode(bf16, 2));
        ByteBuffer f64 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).flip();
        assertArrayEquals(new float[] {0.1f}, DType.F64.decode(f64, 1));
    }

    /** A file with header length {@code declared} (or the real one if negative), the header, and data bytes. */
    private Path file(long declared, String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declared < 0 ? json.length : declared).put(json);
        Path file = dir.resolve("bad.safetensors");
        Files.write(file, b.array());
        return file;
    }

    private static void assertRefused(Path file, String expectedPart) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains(expectedPart), () -> "message was: " + e.getMessage());
    }
}
