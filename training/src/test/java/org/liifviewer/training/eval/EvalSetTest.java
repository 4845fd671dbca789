package org.liifviewer.training.eval;

import org.liifviewer.training.Shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the benchmark / DIV2K folder layout. */
class EvalSetTest {

    @TempDir
    Path dir;

    @Test
    void set5HasFiveImagesInNameOrderWithTheirLrFiles() throws IOException {
        EvalSet set = EvalSet.open(Shared.set5());
        assertEquals("Set5", set.name());
        assertEquals(5, set.images().size());
        assertEquals("baby", set.images().get(0).stem());
        assertEquals("woman", set.images().get(4).stem());
        assertEquals("birdx2.png", set.lrFile(set.images().get(1), 2).orElseThrow().getFileName().toString());
        assertFalse(set.lrFile(set.images().get(1), 6).isPresent());
        assertEquals(2, set.first(2).size());
        assertEquals(5, set.first(0).size());
    }

    @Test
    void parentFolderOfSeveralSetsIsRefusedWithTheSetsFoundInside() {
        IOException e = assertThrows(IOException.class, () -> EvalSet.open(Shared.set5().getParent()));
        assertTrue(e.getMessage().contains("no HR folder") && e.getMessage().contains("Set14, Set5"), e.getMessage());
    }

    @Test
    void officialDiv2kFolderNamesAreAccepted() throws IOException {
        Files.createDirectories(dir.resolve("DIV2K_valid_HR"));
        Files.createDirectories(dir.resolve("DIV2K_valid_LR_bicubic/X2"));
        Files.copy(Shared.set5().resolve("HR/bird.png"), dir.resolve("DIV2K_valid_HR/0801.png"));
        Files.copy(Shared.set5().resolve("LR_bicubic/X2/birdx2.png"), dir.resolve("DIV2K_valid_LR_bicubic/X2/0801x2.png"));
        EvalSet set = EvalSet.open(dir);
        assertEquals(1, set.images().size());
        assertTrue(set.lrFile(set.images().get(0), 2).isPresent());
    }

    @Test
    void missingOrEmptyFoldersGiveClearErrors() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> EvalSet.open(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        Files.createDirectories(dir.resolve("HR"));
        IOException empty = assertThrows(IOException.class, () -> EvalSet.open(dir));
        assertTrue(empty.getMessage().contains("no images"), empty.getMessage());
    }
}
