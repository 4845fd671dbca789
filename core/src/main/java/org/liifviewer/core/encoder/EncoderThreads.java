package org.liifviewer.core.encoder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The encoder's worker threads (the Java convolutions'): the calling thread and a small fixed pool of daemon
 * threads take independent items from a shared counter until none is left. Taking items one by one, rather than
 * one fixed part per thread, keeps every core busy when another program holds one of them for a while.
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

    /** Runs {@code item} for every index in {@code [0, count)} on up to {@code parallelism} threads; returns after all. */
    static void forEach(int count, int parallelism, IntConsumer item) {
        int threads = Math.max(1, Math.min(Math.min(parallelism, PARALLELISM), count));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                item.accept(i);
            }
        };
        CompletableFuture<?>[] helpers = new CompletableFuture<?>[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = CompletableFuture.runAsync(worker, WORKERS);
        }
        worker.run();
        CompletableFuture.allOf(helpers).join();
    }
}
