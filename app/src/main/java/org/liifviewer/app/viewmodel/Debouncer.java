package org.liifviewer.app.viewmodel;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs an action on the UI executor once its triggers have paused for a while (a gesture has settled). */
public final class Debouncer {

    private final ScheduledExecutorService timer;
    private final Executor uiExecutor;
    private final long delayMillis;
    private final Runnable action;
    private ScheduledFuture<?> pending;

    public Debouncer(ScheduledExecutorService timer, Executor uiExecutor, long delayMillis, Runnable action) {
        this.timer = timer;
        this.uiExecutor = uiExecutor;
        this.delayMillis = delayMillis;
        this.action = action;
    }

    /** (Re)starts the wait. */
    public synchronized void trigger() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> uiExecutor.execute(action), delayMillis, TimeUnit.MILLISECONDS);
    }
}
