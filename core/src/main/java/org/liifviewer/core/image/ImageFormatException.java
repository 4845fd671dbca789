package org.liifviewer.core.image;

import java.io.IOException;

/** A file that cannot be decoded as an image: not an image, truncated, unsupported or too large. */
public class ImageFormatException extends IOException {

    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
