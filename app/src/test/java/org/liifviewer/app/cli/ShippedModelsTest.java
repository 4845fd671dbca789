package org.liifviewer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.core.render.ShippedModels;

/** A shipped model is named on the command line by its name; a path or an unknown name stays a file. */
class ShippedModelsTest {

    @Test
    void theEmbeddedModelIsShippedAndNamedByItsName() throws Exception {
        assertTrue(ShippedModels.available().contains("liif-default"), ShippedModels.available().toString());
        assertEquals(ShippedModels.available().get(0), ShippedModels.defaultName().orElseThrow());
        assertEquals(Optional.of("liif-default"), ShippedModels.named(Path.of("liif-default")));
        assertEquals("LIIF", ShippedModels.fileOf(Path.of("liif-default")).spec().describe().split(",")[0]);
        assertEquals(0, LiifCli.run("info", "--model", "liif-default"));
    }

    @Test
    void aPathOrAnUnknownNameIsAFile(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), ShippedModels.named(dir.resolve("liif-default")));
        assertEquals(Optional.empty(), ShippedModels.named(Path.of("liif-nothing")));
    }
}
