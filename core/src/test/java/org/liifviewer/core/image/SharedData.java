package org.liifviewer.core.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's shared/ folder (golden vectors, data sets) and reads its raw tensors. */
final class SharedData {

    private SharedData() {
    }

    /** {@code shared/} next to the repository (found by walking up from the working directory). */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("golden"))) {
                return candidate;
            }
        }
        return fail("shared/golden not found above " + Path.of("").toAbsolutePath());
    }

    static Path golden(String relative) {
        return root().resolve("golden").resolve(relative);
    }

    static Path data(String relative) {
        return root().resolve("data").resolve(relative);
    }

    /** A little-endian float32 tensor of shape (c, h, w) as an image. */
    static FloatImage floatImage(Path file, int c, int h, int w) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] data = new float[c * h * w];
        buf.asFloatBuffer().get(data);
        return new FloatImage(c, h, w, data);
    }
}
