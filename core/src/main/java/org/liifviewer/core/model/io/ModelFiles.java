package org.liifviewer.core.model.io;

import org.liifviewer.core.io.AtomicFile;
import org.liifviewer.core.io.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;

/**
 * Loads and saves LIIF model files. {@link #load} recognises the format by content, not by extension:
 * official PyTorch checkpoints ({@code torch.save} zip or legacy format, read with a restricted unpickler that
 * never executes anything) and LIIF Viewer's own safetensors files. {@link #save} always writes the latter,
 * atomically.
 */
public final class ModelFiles {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int HEAD = 16;
    private static final Weights NO_STATE = new Weights(java.util.Map.of());

    private ModelFiles() {
    }

    /**
     * Reads a model and checks that its weights match its architecture.
     *
     * @throws ModelFormatException with the file name and a reason a user can act on, for any file that is not
     *                              a usable LIIF model (unknown format, truncated, corrupt, unsafe, inconsistent)
     * @throws IOException          if the file cannot be read at all (missing, no permission)
     */
    public static LiifModelFile load(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        return validated(file.getFileName().toString(), () -> switch (detect(head)) {
            case ZIP_CHECKPOINT -> TorchZipReader.read(file);
            case LEGACY_CHECKPOINT -> TorchLegacyReader.read(file);
            case SAFETENSORS -> SafetensorsFormat.read(file);
        });
    }

    /**
     * Reads a LIIF Viewer .safetensors model from a stream (e.g. a class-path resource), to its end, and checks it
     * as {@link #load(Path)} does; {@code name} stands for the stream in messages.
     */
    public static LiifModelFile load(InputStream stream, String name) throws IOException {
        byte[] bytes = stream.readAllBytes();
        return validated(name, () -> {
            if (detect(bytes) != Format.SAFETENSORS) {
                throw new ModelFormatException("not a LIIF Viewer .safetensors model (the only kind read from a"
                        + " stream)");
            }
            return SafetensorsFormat.read(ByteSource.of(bytes));
        });
    }

    private interface Reader {
        LiifModelFile read() throws IOException;
    }

    private static LiifModelFile validated(String name, Reader reader) throws IOException {
        try {
            LiifModelFile model = reader.read();
            model.validate();
            return model;
        } catch (ModelFormatException e) {
            throw new ModelFormatException(name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) { // a safety net for inconsistencies no check anticipated
            throw new ModelFormatException(name + ": malformed model file (" + e + ")", e);
        }
    }

    /**
     * Writes {@code model} in LIIF Viewer's safetensors format, replacing {@code file} atomically: after a
     * failure the previous file is intact.
     *
     * @throws ModelFormatException if the weights do not match the spec (nothing is written then)
     */
    public static void save(LiifModelFile model, Path file) throws IOException {
        saveCheckpoint(model, NO_STATE, file);
    }

    /**
     * Like {@link #save}, plus training state: tensors named {@code optimizer.*} (e.g. Adam moments) that
     * {@link #load} ignores, so a checkpoint is also an ordinary model file.
     */
    public static void saveCheckpoint(LiifModelFile model, Weights trainingState, Path file) throws IOException {
        model.validate();
        AtomicFile.write(file, out -> SafetensorsFormat.write(model, trainingState, out));
    }

    /**
     * Reads a LIIF Viewer safetensors file of any {@code format} (e.g. a baseline model) without interpreting its
     * metadata or checking its tensors against an architecture.
     *
     * @throws ModelFormatException if the file is not a LIIF Viewer safetensors file
     */
    public static TensorFile loadTensors(Path file) throws IOException {
        try {
            return SafetensorsFormat.readTensors(file);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file.getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelFormatException(file.getFileName() + ": malformed model file (" + e + ")", e);
        }
    }

    /** Writes {@code contents} in the safetensors layout of {@link #save}, replacing {@code file} atomically. */
    public static void saveTensors(TensorFile contents, Path file) throws IOException {
        AtomicFile.write(file, out -> SafetensorsFormat.writeTensors(contents, out));
    }

    private enum Format { ZIP_CHECKPOINT, LEGACY_CHECKPOINT, SAFETENSORS }

    private static Format detect(byte[] head) throws ModelFormatException {
        if (head.length == 0) {
            throw new ModelFormatException("the file is empty");
        }
        if (startsWith(head, ZIP)) {
            return Format.ZIP_CHECKPOINT;
        }
        if (startsWith(head, TorchLegacyReader.SIGNATURE)) {
            return Format.LEGACY_CHECKPOINT;
        }
        if (head.length > 8 && head[8] == '{') {
            return Format.SAFETENSORS;
        }
        throw new ModelFormatException("not a model file: neither a PyTorch checkpoint (.pth) nor a LIIF Viewer"
                + " .safetensors file");
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }
}
