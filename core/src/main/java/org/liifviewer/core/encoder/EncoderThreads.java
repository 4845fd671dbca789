package org.liifviewer.core.encoder;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The encoder's worker threads (the Java convolutions'): the calling thread and a small fixed pool of daemon
 * threads take independent items from a shared counter until none is left. Taking items one by one, rather than
 * one fixed part per thread, keeps every core busy when another program holds one of them for a while; and the
 * caller waits only for items, not for helpers that never got a thread (the pool busy with another caller's).
 */
final class EncoderThreads {

    /** Threads that share the items at most (the calling thread is one of them). */
    static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(Math.max(1, PARALLELISM - 1), r -> {
        Thread t = new Thread(r, "liif-encoder");
        t.setDaemon(true);
        return t;
    });

    private EncoderThreads() {
    }

    /**
     * Runs {@code item} for every index in {@code [0, count)} on up to {@code parallelism} threads and returns after
     * all; the first exception an item throws is rethrown here (later items are then skipped).
     */
    static void forEach(int count, int parallelism, IntConsumer item) {
        int threads = Math.max(1, Math.min(Math.min(parallelism, PARALLELISM), count));
        if (threads == 1) {
            for (int i = 0; i < count; i++) {
                item.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        item.accept(i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int t = 1; t < threads; t++) {
            WORKERS.execute(worker);
        }
        worker.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;                     // items in flight still write the caller's arrays: wait
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
