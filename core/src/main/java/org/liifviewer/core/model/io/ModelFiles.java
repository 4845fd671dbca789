package org.liifviewer.core.model.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.liifviewer.core.io.AtomicFile;
import org.liifviewer.core.io.ByteSource;
import org.liifviewer.core.io.FileChecks;
import org.liifviewer.core.io.UserMessages;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.FiniteWeights;
import org.liifviewer.core.model.SpecSizes;
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
     * Reads a model and checks that its weights match its architecture, that every layer has a size and that
     * every weight is a finite number.
     *
     * @throws ModelFormatException with the file's path and a reason a user can act on, for any file that is not
     *                              a usable LIIF model (unknown format, truncated, corrupt, unsafe, inconsistent,
     *                              zero-sized, NaN or infinite weights)
     * @throws IOException          if the file cannot be read at all (missing, a folder, a pipe, no permission),
     *                              see {@link FileChecks#requireReadableFile}
     */
    public static LiifModelFile load(Path file) throws IOException {
        FileChecks.requireReadableFile(file);
        return read(file.toString(), () -> usable(switch (detect(head(file))) {
            case ZIP_CHECKPOINT -> TorchZipReader.read(file);
            case LEGACY_CHECKPOINT -> TorchLegacyReader.read(file);
            case SAFETENSORS -> SafetensorsFormat.read(file);
        }));
    }

    /**
     * Reads a LIIF Viewer .safetensors model from a stream (e.g. a class-path resource), to its end, and checks it
     * as {@link #load(Path)} does; {@code name} stands for the stream in messages.
     */
    public static LiifModelFile load(InputStream stream, String name) throws IOException {
        byte[] bytes = stream.readAllBytes();
        return read(name, () -> {
            if (detect(bytes) != Format.SAFETENSORS) {
                throw new ModelFormatException("not a LIIF Viewer .safetensors model (the only kind read from a"
                        + " stream)");
            }
            return usable(SafetensorsFormat.read(ByteSource.of(bytes)));
        });
    }

    /** {@code model}, once its weights match its architecture, every layer has a size and every weight is finite. */
    private static LiifModelFile usable(LiifModelFile model) throws ModelFormatException {
        model.validate();
        SpecSizes.check(model.spec());
        FiniteWeights.check(model.weights());
        return model;
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
        FileChecks.requireReadableFile(file);
        return read(file.toString(), () -> SafetensorsFormat.readTensors(file));
    }

    /**
     * The tensors of a file that is not a LIIF model: a bare PyTorch state_dict (zip or legacy {@code .pth}, e.g.
     * torchvision's pretrained VGG19), read by the same restricted unpickler, or a LIIF Viewer safetensors file of
     * any format. Nothing is checked against an architecture.
     *
     * @throws ModelFormatException naming the file, if it is neither
     */
    public static Weights loadStateDict(Path file) throws IOException {
        FileChecks.requireReadableFile(file);
        return read(file.toString(), () -> switch (detect(head(file))) {
            case ZIP_CHECKPOINT -> TorchZipReader.readStateDict(file);
            case LEGACY_CHECKPOINT -> TorchLegacyReader.readStateDict(file);
            case SAFETENSORS -> SafetensorsFormat.readTensors(file).weights();
        });
    }

    /** Writes {@code contents} in the safetensors layout of {@link #save}, replacing {@code file} atomically. */
    public static void saveTensors(TensorFile contents, Path file) throws IOException {
        AtomicFile.write(file, out -> SafetensorsFormat.writeTensors(contents, out));
    }

    private enum Format { ZIP_CHECKPOINT, LEGACY_CHECKPOINT, SAFETENSORS }

    /** Reads what a model file holds. */
    private interface Reader<T> {
        T read() throws IOException;
    }

    /** Runs {@code reader} on {@code file}, every failure becoming a {@link ModelFormatException} naming the file. */
    private static <T> T read(String file, Reader<T> reader) throws IOException {
        try {
            return reader.read();
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException(file + ": could not be read: " + UserMessages.problem(e), e);
        } catch (RuntimeException e) { // a safety net for inconsistencies no check anticipated
            throw new ModelFormatException(file + ": not a usable model file: its contents do not fit together"
                    + " (damaged, or not made for LIIF)", e);
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

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
