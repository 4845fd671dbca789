package org.liifviewer.core.io;

import java.util.concurrent.CountDownLatch;

/**
 * Lets a JVM shutdown (Ctrl-C, {@code kill}) stop long work cleanly: while this is open, a shutdown hook asks
 * the work to stop and then waits until {@link #close()} reports that it has, so that the work can finish
 * its files (save a checkpoint, or remove a half-written temporary file) before the JVM exits.
 */
public final class StopOnShutdown implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    /** Registers the hook; {@code requestStop} must make the work end soon (it runs on the hook's thread). */
    public StopOnShutdown(Runnable requestStop) {
        hook = new Thread(() -> {
            requestStop.run();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The work has ended: a running hook returns, and a hook not yet run is removed. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook has run or is running: it returns now that the latch is open
        }
    }
}
