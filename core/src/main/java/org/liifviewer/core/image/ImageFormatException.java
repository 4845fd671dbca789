package org.liifviewer.core.image;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be decoded as an image: not an image, truncated, unsupported or too large. */
public class ImageFormatException extends IOException {

    /** A problem of {@code file}, in a user's words: the message is {@code FILE: problem}. */
    public ImageFormatException(Path file, String problem) {
        this(file.toString(), problem);
    }

    /** Like {@link #ImageFormatException(Path, String)}, keeping the failure that revealed the problem. */
    public ImageFormatException(Path file, String problem, Throwable cause) {
        this(file.toString(), problem, cause);
    }

    /** A problem of the image called {@code name} (a file, or a stream such as a class-path resource). */
    public ImageFormatException(String name, String problem) {
        super(name + ": " + problem);
    }

    /** Like {@link #ImageFormatException(String, String)}, keeping the failure that revealed the problem. */
    public ImageFormatException(String name, String problem, Throwable cause) {
        super(name + ": " + problem, cause);
    }
}
