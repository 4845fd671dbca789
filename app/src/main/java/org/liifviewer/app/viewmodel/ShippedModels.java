package org.liifviewer.app.viewmodel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.liifviewer.core.render.LiifModel;

/**
 * The models embedded in the application ({@code resources/models}), by name, fastest first: {@code liif-fast} (the
 * LM-LIIF decoder) and {@code liif-default} (LIIF's MLP). The first one present is the viewer's default. A model
 * argument that names one of them loads it; anything else is a model file's path.
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

    /** Whether {@code name} is a shipped model of this build. */
    public static boolean isShipped(String name) {
        return available().contains(name);
    }

    /** Loads a shipped model. */
    public static LiifModel load(String name) throws IOException {
        try (InputStream in = ShippedModels.class.getResourceAsStream(resource(name))) {
            if (in == null) {
                throw new IOException(name + ": no such shipped model (shipped: " + String.join(", ", available()) + ")");
            }
            return LiifModel.load(in, name);
        }
    }

    /** Loads a shipped model by name, or else the model file at that path. */
    public static LiifModel loadNamedOrFile(String nameOrPath) throws IOException {
        return isShipped(nameOrPath) ? load(nameOrPath) : LiifModel.load(Path.of(nameOrPath));
    }

    private static String resource(String name) {
        return "/liif/models/" + name + ".safetensors";
    }
}
