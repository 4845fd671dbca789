package org.liifviewer.core.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;

/** Hand-made and hostile checkpoints: what loads, and what is refused with which message. */
class TorchCheckpointReaderTest {

    @TempDir
    Path dir;

    @Test
    void protocol4PickleWithStridedAndSharedStoragesLoads() throws IOException {
        Map<String, Tensor> golden = Goldens.weights("small-full");
        Map<String, float[]> storages = new LinkedHashMap<>();
        Map<String, Object> root = Checkpoints.root(Checkpoints.smallSpec(), golden, storages);
        // imnet.layers.4.weight (3, 32) stored transposed, its bias right behind it in the same storage
        Tensor w = golden.get("imnet.layers.4.weight");
        Tensor b = golden.get("imnet.layers.4.bias");
        float[] shared = new float[96 + 3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 32; j++) {
                shared[j * 3 + i] = w.data()[i * 32 + j];
            }
        }
        System.arraycopy(b.data(), 0, shared, 96, 3);
        storages.put("shared", shared);
        stateDict(root).put("imnet.layers.4.weight",
                new PickleBuilder.RawTensor("shared", 99, 0, new long[] {3, 32}, new long[] {1, 3}));
        stateDict(root).put("imnet.layers.4.bias",
                new PickleBuilder.RawTensor("shared", 99, 96, new long[] {3}, new long[] {1}));
        byte[] pickle = new PickleBuilder(true).value(root).stop();

        LiifModelFile model = ModelFiles.load(Checkpoints.zip(dir.resolve("p4.pth"), "archive", pickle, storages));

        assertEquals(golden, model.weights().asMap());
        assertEquals(Map.of("epoch", "7"), model.metadata());
    }

    @Test
    void osSystemIsRefusedAndNeverRuns() throws IOException {
        Path marker = dir.resolve("pwned");
        byte[] pickle = new PickleBuilder(false).global("os", "system").op('(')
                .string("touch " + marker).op('t').op('R').stop();
        assertRefused(zipWithPickle(pickle), "refusing to load: the pickle references os.system, which a state_dict"
                + " never needs");
        assertFalse(Files.exists(marker));
    }

    @Test
    void builtinsEvalViaStackGlobalIsRefusedAndNeverRuns() throws IOException {
        Path marker = dir.resolve("pwned");
        byte[] pickle = new PickleBuilder(true).global("builtins", "eval").op('(')
                .string("__import__('os').system('touch " + marker + "')").op('t').op('R').stop();
        assertRefused(zipWithPickle(pickle), "the pickle references builtins.eval");
        assertFalse(Files.exists(marker));
    }

    @Test
    void legacyFileWithMaliciousMainPickleIsRefused() throws IOException {
        Path marker = dir.resolve("pwned");
        byte[] header = Arrays.copyOf(Files.readAllBytes(Goldens.file("small-full/checkpoint_legacy_format.pth")), 137);
        byte[] evil = new PickleBuilder(false).global("subprocess", "Popen").op('(').string("touch").string(marker.toString())
                .op(0x86).op(0x85).op('R').stop();
        Path file = dir.resolve("legacy.pth");
        Files.write(file, concat(header, evil));
        assertRefused(file, "the pickle references subprocess.Popen");
        assertFalse(Files.exists(marker));
    }

    @Test
    void unknownOpcodeIsRefused() throws IOException {
        byte[] pickle = new PickleBuilder(false).op('i').raw("os\nsystem\n".getBytes(StandardCharsets.US_ASCII)).stop();
        assertRefused(zipWithPickle(pickle), "unsupported pickle opcode 0x69");
    }

    @Test
    void truncatedZipIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(Goldens.file("small-full/checkpoint.pth"));
        Path file = dir.resolve("truncated.pth");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertRefused(file, "truncated.pth: damaged or truncated zip archive");
    }

    @Test
    void zipWithoutDataPklIsRefused() throws IOException {
        Path file = dir.resolve("nopkl.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("x/version"));
            zip.write('3');
            zip.closeEntry();
        }
        assertRefused(file, "the zip archive has no <name>/data.pkl");
    }

    @Test
    void storageShorterThanDeclaredIsRefused() throws IOException {
        Map<String, float[]> storages = new LinkedHashMap<>();
        Map<String, Object> root = Checkpoints.root(Checkpoints.smallSpec(), Goldens.weights("small-full"), storages);
        storages.put("0", new float[8]); // encoder.sub_mean.weight declares 9 values
        Path file = Checkpoints.zip(dir.resolve("short.pth"), "a", new PickleBuilder(false).value(root).stop(), storages);
        assertRefused(file, "storage '0' holds 32 bytes but the checkpoint declares 9 F32 values (36 bytes)");
    }

    @Test
    void tensorReachingBeyondItsStorageIsRefused() throws IOException {
        Map<String, float[]> storages = new LinkedHashMap<>();
        Map<String, Object> root = Checkpoints.root(Checkpoints.smallSpec(), Goldens.weights("small-full"), storages);
        storages.put("0", new float[8]);
        stateDict(root).put("encoder.sub_mean.weight",
                new PickleBuilder.RawTensor("0", 8, 0, new long[] {3, 3, 1, 1}, new long[] {3, 1, 1, 1}));
        Path file = Checkpoints.zip(dir.resolve("short.pth"), "a", new PickleBuilder(false).value(root).stop(), storages);
        assertRefused(file, "tensor 'encoder.sub_mean.weight' of shape [3, 3, 1, 1] at offset 0 needs 9 values but"
                + " its storage '0' holds only 8");
    }

    @Test
    void transposedWeightInCheckpointIsRefused() throws IOException {
        Map<String, Tensor> sd = new LinkedHashMap<>(Goldens.weights("small-full"));
        Tensor t = sd.get("encoder.sub_mean.weight");
        sd.put("encoder.sub_mean.weight", new Tensor(new long[] {1, 1, 3, 3}, t.data()));
        assertRefused(checkpoint(sd), "tensor 'encoder.sub_mean.weight' has shape [1, 1, 3, 3], expected [3, 3, 1, 1]");
    }

    @Test
    void missingWeightInCheckpointIsRefused() throws IOException {
        Map<String, Tensor> sd = new LinkedHashMap<>(Goldens.weights("small-full"));
        sd.remove("encoder.head.0.bias");
        assertRefused(checkpoint(sd), "model file lacks the tensor 'encoder.head.0.bias'");
    }

    @Test
    void bareStateDictIsRefused() throws IOException {
        byte[] pickle = new PickleBuilder(false).value(Map.of("encoder.head.0.bias", 1)).stop();
        assertRefused(zipWithPickle(pickle), "the checkpoint has no 'model' entry");
    }

    @Test
    void randomBytesAndEmptyFilesAreRefused() throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[8] = 0;
        Path random = dir.resolve("noise.pth");
        Files.write(random, noise);
        assertRefused(random, "noise.pth: not a model file");
        Path empty = Files.createFile(dir.resolve("empty.pth"));
        assertRefused(empty, "empty.pth: the file is empty");
    }

    private Path checkpoint(Map<String, Tensor> sd) throws IOException {
        Map<String, float[]> storages = new LinkedHashMap<>();
        Map<String, Object> root = Checkpoints.root(Checkpoints.smallSpec(), sd, storages);
        return Checkpoints.zip(dir.resolve("model.pth"), "model", new PickleBuilder(false).value(root).stop(), storages);
    }

    private Path zipWithPickle(byte[] pickle) throws IOException {
        return Checkpoints.zip(dir.resolve("evil.pth"), "evil", pickle, Map.of());
    }

    private static void assertRefused(Path file, String expectedPart) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains(expectedPart), () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": "), () -> "message was: " + e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stateDict(Map<String, Object> root) {
        return (Map<String, Object>) ((Map<String, Object>) root.get("model")).get("sd");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
