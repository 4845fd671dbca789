package org.liifviewer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

/** Every failure becomes one line in plain words: files named as given, no class names. */
class UserMessagesTest {

    @Test
    void fileSystemFailuresNameTheFileAndSayWhatIsWrong() {
        assertEquals("/in/a.png: no such file or folder", UserMessages.describe(new NoSuchFileException("/in/a.png")));
        assertEquals("a.png: permission denied", UserMessages.describe(new AccessDeniedException("a.png")));
        assertEquals("dir: is a folder, not a file",
                UserMessages.describe(new FileSystemException("dir", null, "Is a directory")));
        assertEquals("out.png: is a folder; give a file name",
                UserMessages.describe(new FileSystemException("out.png", null, "is a folder; give a file name")));
    }

    @Test
    void operatingSystemReasonsAreReworded() {
        assertEquals("the disk is full", UserMessages.problem(new IOException("No space left on device")));
        assertEquals("the disk is read-only",
                UserMessages.problem(new FileSystemException("x", null, "Read-only file system")));
    }

    @Test
    void classNamesAndMissingMessagesBecomeAGenericSentence() {
        assertEquals(UserMessages.INTERNAL_ERROR, UserMessages.describe(new NullPointerException()));
        assertEquals(UserMessages.INTERNAL_ERROR, UserMessages.describe(new ArithmeticException("long overflow")));
        assertEquals(UserMessages.INTERNAL_ERROR, UserMessages.describe(new IOException(
                "corrupt (java.lang.IndexOutOfBoundsException: index >= numImages (0 >= 0))")));
        assertEquals(UserMessages.INTERNAL_ERROR, UserMessages.describe(new IIOException("javax.imageio.IIOException")));
        assertEquals(UserMessages.INTERNAL_ERROR, UserMessages.describe(new IOException()));
    }

    @Test
    void ourMessagesPassThroughOnOneLine() {
        assertEquals("--scale must be a positive number, got -1.0",
                UserMessages.describe(new IllegalArgumentException("--scale must be a positive number, got -1.0")));
        assertEquals("m.pth: the header is not valid JSON (unexpected end)",
                UserMessages.describe(new IOException("m.pth: the header is not valid JSON\n  (unexpected end)")));
    }

    @Test
    void wrappersAreUnwrappedAndMemoryIsNamed() {
        assertEquals("a.png: no such file or folder", UserMessages.describe(
                new CompletionException(new UncheckedIOException(new NoSuchFileException("a.png")))));
        assertEquals(UserMessages.OUT_OF_MEMORY, UserMessages.describe(new CompletionException(new OutOfMemoryError())));
    }
}
