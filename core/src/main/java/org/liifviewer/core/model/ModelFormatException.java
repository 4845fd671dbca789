package org.liifviewer.core.model;

import java.io.IOException;

/** A model file that cannot be used: unreadable, malformed, unsafe, or not matching its architecture. */
public class ModelFormatException extends IOException {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
