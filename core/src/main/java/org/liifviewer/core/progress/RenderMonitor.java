package org.liifviewer.core.progress;

import java.util.concurrent.CancellationException;

/** Receives a render's progress and may cancel it; renders check {@link #checkCancelled()} between tiles. */
public interface RenderMonitor {

    /** A monitor that ignores progress and never cancels. */
    RenderMonitor NONE = new RenderMonitor() {
    };

    /** Called with the finished fraction in [0, 1]. */
    default void progress(double fraction) {
    }

    /** Whether the caller wants the render abandoned. */
    default boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    /** Throws {@link CancellationException} when the render was cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("render cancelled");
        }
    }
}
