package org.liifviewer.core.model.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;

/**
 * Reads the zip checkpoint format of {@code torch.save} (PyTorch 1.6 and later): {@code <prefix>/data.pkl} holds
 * the pickle, {@code <prefix>/data/<key>} the raw little-endian bytes of each storage. The prefix varies with
 * the PyTorch version and file name, so it is taken from wherever {@code data.pkl} is.
 */
final class TorchZipReader {

    /** Deflate cannot expand data by more than about 1032 times; torch itself stores entries uncompressed. */
    private static final long MAX_EXPANSION = 1032;

    private TorchZipReader() {
    }

    static LiifModelFile read(Path file) throws IOException {
        return read(file, TorchCheckpoint::of, TorchCheckpoint::toModel);
    }

    /** The tensors of a bare state_dict. */
    static Weights readStateDict(Path file) throws IOException {
        return read(file, TorchCheckpoint::bare, TorchCheckpoint::tensors);
    }

    private static <T> T read(Path file, TorchCheckpoint.Interpretation interpret, TorchCheckpoint.Result<T> result)
            throws IOException {
        long fileSize = Files.size(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pickle = Collections.list(zip.entries()).stream()
                    .filter(e -> e.getName().matches("[^/]+/data\\.pkl"))
                    .findFirst()
                    .orElseThrow(() -> new ModelFormatException("the zip archive has no <name>/data.pkl:"
                            + " it is not a PyTorch checkpoint"));
            String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            StorageTable storages = new StorageTable();
            TorchCheckpoint checkpoint;
            try (InputStream in = zip.getInputStream(pickle)) {
                checkpoint = interpret.of(new Unpickler(bounded(in, pickle, fileSize), storages).load());
            }
            return result.of(checkpoint, ref -> readStorage(zip, prefix + "data/" + ref.key(), ref, fileSize));
        } catch (ZipException e) {
            throw new ModelFormatException("damaged or truncated zip archive (" + e.getMessage() + ")", e);
        }
    }

    private static ByteBuffer readStorage(ZipFile zip, String name, StorageRef ref, long fileSize) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFormatException("storage '" + ref.key() + "' is missing from the archive");
        }
        if (entry.getSize() != ref.byteCount()) {
            throw new ModelFormatException("storage '" + ref.key() + "' holds " + entry.getSize() + " bytes but the"
                    + " checkpoint declares " + ref.numel() + " " + ref.dtype().safetensorsName() + " values ("
                    + ref.byteCount() + " bytes)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return bounded(in, entry, fileSize).readBuffer(entry.getSize());
        }
    }

    private static BoundedInput bounded(InputStream in, ZipEntry entry, long fileSize) throws ModelFormatException {
        long size = entry.getSize();
        if (size < 0 || size / MAX_EXPANSION > fileSize) {
            throw new ModelFormatException("zip entry " + entry.getName() + " declares an impossible size " + size);
        }
        return new BoundedInput(in, size);
    }
}
