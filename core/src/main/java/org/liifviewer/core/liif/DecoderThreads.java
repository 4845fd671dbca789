package org.liifviewer.core.liif;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The decoders' worker threads: splits a range of independent rows over all cores, the caller taking one part. */
final class DecoderThreads {

    /** Threads that share a range (the calling thread is one of them). */
    static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(Math.max(1, PARALLELISM - 1), r -> {
        Thread t = new Thread(r, "liif-decoder");
        t.setDaemon(true);
        return t;
    });

    private DecoderThreads() {
    }

    /** Work on rows {@code [from, to)}. */
    @FunctionalInterface
    interface Rows {
        void run(int from, int to);
    }

    /** Runs {@code rows} over {@code [0, count)} in one part per core (one part below {@code minPerPart} rows each). */
    static void forRange(int count, int minPerPart, Rows rows) {
        int parts = Math.max(1, Math.min(PARALLELISM, count / Math.max(1, minPerPart)));
        CompletableFuture<?>[] tasks = new CompletableFuture<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) count * p / parts);
            int to = (int) ((long) count * (p + 1) / parts);
            tasks[p - 1] = CompletableFuture.runAsync(() -> rows.run(from, to), WORKERS);
        }
        rows.run(0, (int) ((long) count / parts));
        CompletableFuture.allOf(tasks).join();
    }
}
