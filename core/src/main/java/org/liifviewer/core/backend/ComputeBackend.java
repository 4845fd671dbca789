package org.liifviewer.core.backend;

import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/** The ND4J backend that runs the models: CPU or CUDA. */
public final class ComputeBackend {

    private ComputeBackend() {
    }

    /**
     * Its kind and class, e.g. {@code "CPU (CpuBackend)"}. The first call loads the native libraries, which takes a
     * while: call it off the UI thread.
     */
    public static String describe() {
        String name = Nd4j.getBackend().getClass().getSimpleName();
        return (name.toLowerCase(Locale.ROOT).contains("cuda") ? "CUDA" : "CPU") + " (" + name + ")";
    }
}
