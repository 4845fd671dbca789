package org.liifviewer.training;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's shared data ({@code shared/} in a parent folder of the working directory). */
public final class Shared {

    private Shared() {
    }

    /** {@code shared/<relative>}, found by walking up from the working directory. */
    public static Path path(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/" + relative + " not found");
    }

    public static Path set5() {
        return path("data/Set5");
    }

    public static Path tinyModel() {
        return path("golden/small-full/checkpoint.pth");
    }
}
