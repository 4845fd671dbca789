package org.liifviewer.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's shared data ({@code shared/} in a parent folder of the working directory). */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** {@code shared/<relative>}, or null when it does not exist. */
    public static Path find(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code shared/<relative>}; fails when it does not exist. */
    public static Path path(String relative) {
        Path p = find(relative);
        if (p == null) {
            throw new IllegalStateException("shared/" + relative + " not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
