package org.liifviewer.core.render;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A submitted viewport render: cancel it when the viewport changes. */
public final class RenderJob {

    private volatile boolean cancelled;
    private volatile Future<?> future;

    void attach(Future<?> f) {
        this.future = f;
    }

    /** Stops the render after the tile in progress; no further tiles are reported. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Waits until the job has ended; returns false on timeout. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            future.get(timeout, unit);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            return true;
        }
    }
}
