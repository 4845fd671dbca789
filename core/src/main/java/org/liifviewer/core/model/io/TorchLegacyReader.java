package org.liifviewer.core.model.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;

/**
 * Reads the pre-1.6 {@code torch.save} format ({@code _use_new_zipfile_serialization=False}): five consecutive
 * pickles (magic number, protocol version 1001, sys_info, the object, the sorted list of storage keys), then
 * for each key in that order an 8-byte little-endian element count and the storage's raw little-endian bytes.
 */
final class TorchLegacyReader {

    /** The first bytes of a legacy file: PROTO 2, LONG1 of 10 bytes, torch's magic number. */
    static final byte[] SIGNATURE = {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a,
        0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};

    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long PROTOCOL_VERSION = 1001;

    private TorchLegacyReader() {
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
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            BoundedInput in = new BoundedInput(raw, Files.size(file));
            if (!MAGIC.equals(new Unpickler(in, null).load())) {
                throw new ModelFormatException("not a PyTorch checkpoint (wrong magic number)");
            }
            if (!Long.valueOf(PROTOCOL_VERSION).equals(new Unpickler(in, null).load())) {
                throw new ModelFormatException("unsupported legacy PyTorch protocol version");
            }
            if (!(new Unpickler(in, null).load() instanceof Map<?, ?> sysInfo)
                    || !Boolean.TRUE.equals(sysInfo.get("little_endian"))) {
                throw new ModelFormatException("the checkpoint was written on a big-endian machine, not supported");
            }
            StorageTable table = new StorageTable();
            TorchCheckpoint checkpoint = interpret.of(new Unpickler(in, table).load());
            if (!(new Unpickler(in, null).load() instanceof List<?> keys)) {
                throw new ModelFormatException("the list of storage keys is missing");
            }
            Map<String, ByteBuffer> bytes = readStorages(in, table, keys, checkpoint.storages());
            return result.of(checkpoint, ref -> {
                ByteBuffer b = bytes.get(ref.key());
                if (b == null) {
                    throw new ModelFormatException("storage '" + ref.key() + "' is missing from the file");
                }
                return b;
            });
        }
    }

    /** Reads the storages in {@code needed}, skipping the others (e.g. optimizer state). */
    private static Map<String, ByteBuffer> readStorages(BoundedInput in, StorageTable table, List<?> keys,
                                                        Set<StorageRef> needed) throws IOException {
        Map<String, ByteBuffer> bytes = new HashMap<>();
        for (Object key : keys) {
            StorageRef ref = key instanceof String k ? table.get(k) : null;
            if (ref == null) {
                throw new ModelFormatException("the file holds a storage the pickle never declared");
            }
            long numel = in.readUnsignedLE(8);
            if (numel != ref.numel()) {
                throw new ModelFormatException("storage '" + ref.key() + "' holds " + numel
                        + " values but the checkpoint declares " + ref.numel());
            }
            if (needed.contains(ref)) {
                bytes.put(ref.key(), in.readBuffer(ref.byteCount()));
            } else {
                in.skip(ref.byteCount());
            }
        }
        return bytes;
    }
}
