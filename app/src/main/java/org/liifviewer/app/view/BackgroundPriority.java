package org.liifviewer.app.view;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Lower scheduling priority for the viewer's rendering and loading threads, so that the UI threads (the JavaFX
 * application thread and the renderer) get a core when they need one while tiles decode on every core.
 * {@link Thread#setPriority} does this on Windows only: the JVM ignores Java priorities on Linux. There the
 * nice value is per thread, so {@link #applyToCurrentThread()} raises the calling thread's; the threads it
 * creates afterwards inherit it, which covers the decoder's worker pool and the native math libraries'
 * OpenMP threads started from a rendering thread. Elsewhere it does nothing.
 */
final class BackgroundPriority {

    /** Linux nice value of background threads: a runnable UI thread gets about 90% of a core shared with one. */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's scheduling priority (Linux); best effort, failures are ignored. */
    static void applyToCurrentThread() {
        if (!Platform.isLinux()) {
            return;
        }
        try {
            LibC.INSTANCE.setpriority(PRIO_PROCESS, 0, NICE);    // who = 0: the calling thread on Linux
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // no libc binding: keep the normal priority
        }
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.loadLibrary("c", LibC.class);

        int setpriority(int which, int who, int prio);
    }
}
