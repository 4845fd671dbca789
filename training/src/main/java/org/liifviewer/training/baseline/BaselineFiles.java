package org.liifviewer.training.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.model.io.TensorFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Baseline model files: LIIF Viewer's safetensors layout with {@code __metadata__.format} = {@value #FORMAT} and
 * the official model spec as JSON under {@value #SPEC} (e.g. {@code {"name": "metasr", "args": {"encoder_spec":
 * ...}}}); tensors under the official state_dict names. The LIIF loader refuses them (another format), so the viewer
 * never mistakes one for a LIIF model.
 */
public final class BaselineFiles {

    /** The format tag of baseline files. */
    public static final String FORMAT = "liif-viewer-baseline";
    /** The metadata key of the official spec JSON. */
    public static final String SPEC = "spec";

    /** The header's start that {@link #isBaseline(Path)} searches for the format tag (metadata is written first). */
    private static final int MAX_SNIFF = 256;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private BaselineFiles() {
    }

    /** A baseline as stored: architecture, weights (checked against it) and free-form metadata. */
    public record Model(BaselineSpec spec, Weights weights, Map<String, String> metadata) {
    }

    /** Writes {@code model} (and optional {@code optimizer.*} training state) atomically. */
    public static void save(Model model, Weights trainingState, Path file) throws IOException {
        check(model.spec(), model.weights());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(SPEC, JSON.writeValueAsString(model.spec().toOfficial()));
        model.metadata().forEach((k, v) -> {
            if (metadata.putIfAbsent(k, v) != null) {
                throw new IllegalArgumentException("metadata key '" + k + "' is reserved");
            }
        });
        ModelFiles.saveTensors(new TensorFile(FORMAT, metadata, model.weights(), trainingState), file);
    }

    /** Whether {@code contents} (as read by {@link ModelFiles#loadTensors}) is a baseline file. */
    public static boolean isBaseline(TensorFile contents) {
        return FORMAT.equals(contents.format());
    }

    /** Whether {@code file} is a baseline model file (false for LIIF models and PyTorch checkpoints). */
    public static boolean isBaseline(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_SNIFF);
        }
        return new String(head, StandardCharsets.ISO_8859_1).contains("\"format\":\"" + FORMAT + "\"");
    }

    /** The baseline in {@code contents}, its weights checked against its spec. */
    public static Model read(TensorFile contents) throws ModelFormatException {
        if (!isBaseline(contents)) {
            throw new ModelFormatException("not a baseline model (format '" + contents.format() + "')");
        }
        Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
        String json = metadata.remove(SPEC);
        if (json == null) {
            throw new ModelFormatException("baseline file without a spec");
        }
        BaselineSpec spec;
        try {
            spec = BaselineSpec.fromOfficial(JSON.readValue(json, Map.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFormatException("unreadable baseline spec: " + e.getMessage(), e);
        }
        check(spec, contents.weights());
        return new Model(spec, contents.weights(), metadata);
    }

    /** Reads a baseline model file. */
    public static Model load(Path file) throws IOException {
        return read(ModelFiles.loadTensors(file));
    }

    /** Every tensor of the layout present with its shape (extra tensors, e.g. the mean shifts, are allowed). */
    private static void check(BaselineSpec spec, Weights weights) throws ModelFormatException {
        for (var e : spec.layout().entries()) {
            weights.get(e.name(), e.shape());
        }
    }
}
