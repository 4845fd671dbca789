package org.liifviewer.core.backend;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Thread settings of the native math libraries, applied before ND4J loads them. ND4J's OpenBLAS (GEMM) and
 * oneDNN (convolutions) share one OpenMP runtime whose idle threads spin by default; right after a GEMM the
 * spinning threads slowed the next convolutions 2–3× here (encoder 0.7 s → 2 s on 256×256). With
 * {@code OMP_WAIT_POLICY=PASSIVE} idle threads sleep, and interleaved decoding and encoding both run at full
 * speed. A value the user set in the environment is kept.
 */
public final class NativeThreads {

    private static volatile boolean configured;

    private NativeThreads() {
    }

    /** Sets {@code OMP_WAIT_POLICY=PASSIVE} in this process unless already set; call before ND4J starts. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        if (System.getenv("OMP_WAIT_POLICY") != null || Platform.isWindows()) {
            return;                       // the user's choice wins; MSVC's OpenMP has no such knob to set late
        }
        LibC.INSTANCE.setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    }

    /** The process environment's value of {@code name}, as the native libraries see it. */
    public static String nativeEnv(String name) {
        return Platform.isWindows() ? System.getenv(name) : LibC.INSTANCE.getenv(name);
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.loadLibrary("c", LibC.class);

        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }
}
