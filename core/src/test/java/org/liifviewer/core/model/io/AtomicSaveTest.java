package org.liifviewer.core.model.io;

import org.liifviewer.core.io.AtomicFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;

/** A failed save never damages the file it would have replaced, nor leaves temporary files behind. */
class AtomicSaveTest {

    @TempDir
    Path dir;
    private LiifModelFile model;
    private Path target;
    private byte[] before;

    @BeforeEach
    void saveAFirstVersion() throws IOException {
        model = ModelFiles.load(Goldens.file("small-full/checkpoint.pth"));
        target = dir.resolve("model.safetensors");
        ModelFiles.save(model, target);
        before = Files.readAllBytes(target);
    }

    @Test
    void diskFullHalfwayLeavesTheOldFileIntact() {
        IOException e = assertThrows(IOException.class,
                () -> AtomicFile.write(target, out -> SafetensorsFormat.write(model, new Weights(java.util.Map.of()), new FullAfter(out, 5000))));
        assertEquals(target + ": could not be written: the disk is full", e.getMessage());
        assertUnchanged();
    }

    @Test
    void invalidModelIsNotWritten() throws IOException {
        Map<String, Tensor> w = new LinkedHashMap<>(model.weights().asMap());
        w.remove("imnet.layers.4.bias");
        LiifModelFile broken = new LiifModelFile(model.spec(), new Weights(w), Map.of());
        assertThrows(ModelFormatException.class, () -> ModelFiles.save(broken, target));
        assertUnchanged();
    }

    @Test
    void reservedMetadataKeyFailsWithoutDamage() {
        LiifModelFile clash = new LiifModelFile(model.spec(), model.weights(), Map.of("spec", "mine"));
        assertThrows(IllegalArgumentException.class, () -> ModelFiles.save(clash, target));
        assertUnchanged();
    }

    @Test
    void successfulSaveReplacesTheFile() throws IOException {
        LiifModelFile tagged = new LiifModelFile(model.spec(), model.weights(), Map.of("note", "second"));
        ModelFiles.save(tagged, target);
        assertEquals(Map.of("note", "second"), ModelFiles.load(target).metadata());
        assertEquals(List.of(target), files());
    }

    private void assertUnchanged() {
        try {
            assertArrayEquals(before, Files.readAllBytes(target));
            assertEquals(List.of(target), files(), "no temporary file may remain");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** Accepts {@code capacity} bytes, then fails like a full disk. */
    private static final class FullAfter extends FilterOutputStream {
        private long left;

        FullAfter(OutputStream out, long capacity) {
            super(out);
            left = capacity;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                left = 0;
                throw new IOException("No space left on device");
            }
            left -= len;
            out.write(b, off, len);
        }
    }
}
