package org.liifviewer.core.model.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names values read from a model file by their Python type ({@code a dict}, {@code a tuple}, {@code an int}), for
 * messages: what the file holds in the words of the code that wrote it, never a Java class name.
 */
final class PythonTypes {

    private PythonTypes() {
    }

    /** The Python type of {@code v} with its article, e.g. {@code a tuple}; {@code None} for null. */
    static String describe(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof BigInteger) {
            return "an int";
        }
        if (v instanceof Number) {
            return "a float";
        }
        if (v instanceof Boolean) {
            return "a bool";
        }
        if (v instanceof String) {
            return "a str";
        }
        if (v instanceof byte[]) {
            return "bytes";
        }
        if (v instanceof Map) {
            return "a dict";
        }
        if (v instanceof List) {
            return v instanceof ArrayList ? "a list" : "a tuple";  // the unpickler's tuples are unmodifiable lists
        }
        if (v instanceof PickledTensor) {
            return "a tensor";
        }
        return v instanceof StorageRef || v instanceof DType ? "a storage" : "a function or class";
    }
}
