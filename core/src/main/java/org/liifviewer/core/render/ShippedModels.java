package org.liifviewer.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.io.ModelFiles;

/**
 * The models embedded in the application (its class path's {@code /liif/models/NAME.safetensors}, from
 * {@code resources/models}), by name, fastest first: {@code liif-fast} (the LM-LIIF decoder) and {@code liif-default}
 * (LIIF's MLP). The first one present is the viewer's default. A model argument that names one of them, and no
 * file, loads it; anything else is a model file's path.
 */
public final class ShippedModels {

    /** Every name a shipped model may have, fastest first. */
    static final List<String> NAMES = List.of("liif-fast", "liif-default");

    private ShippedModels() {
    }

    /** The shipped models this build holds, fastest first. */
    public static List<String> available() {
        return NAMES.stream().filter(n -> ShippedModels.class.getResource(resource(n)) != null).toList();
    }

    /** The viewer's default model: the fastest shipped model, if the build holds any. */
    public static Optional<String> defaultName() {
        return available().stream().findFirst();
    }

    /** The shipped model a model argument names: a bare name of one, where no such file exists. */
    public static Optional<String> named(Path argument) {
        String name = argument.toString();
        return argument.getParent() == null && !Files.exists(argument) && available().contains(name)
                ? Optional.of(name) : Optional.empty();
    }

    /** Loads a shipped model. */
    public static LiifModel load(String name) throws IOException {
        try (InputStream in = open(name)) {
            return LiifModel.load(in, name);
        }
    }

    /** The file contents of a shipped model. */
    public static LiifModelFile file(String name) throws IOException {
        try (InputStream in = open(name)) {
            return ModelFiles.load(in, name);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = ShippedModels.class.getResourceAsStream(resource(name));
        if (in == null) {
            throw new IOException(name + ": no such shipped model (shipped: " + String.join(", ", available()) + ")");
        }
        return in;
    }

    /** The model a model argument names: a shipped model, or the model file at that path. */
    public static LiifModelFile fileOf(Path argument) throws IOException {
        Optional<String> name = named(argument);
        return name.isPresent() ? file(name.get()) : ModelFiles.load(argument);
    }

    /** Loads the model a model argument names: a shipped model, or the model file at that path. */
    public static LiifModel loadArgument(Path argument) throws IOException {
        Optional<String> name = named(argument);
        return name.isPresent() ? load(name.get()) : LiifModel.load(argument);
    }

    private static String resource(String name) {
        return "/liif/models/" + name + ".safetensors";
    }
}
