package org.liifviewer.core.render;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A least-recently-used cache of computed tiles (float arrays) bounded by a memory budget. A tile asked for
 * by several threads at once is computed only once; the others wait for it.
 */
public final class TileCache {

    private final java.util.concurrent.atomic.LongAdder encodingNanos = new java.util.concurrent.atomic.LongAdder();

    private final long budgetBytes;
    private final LinkedHashMap<Object, float[]> tiles = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Object, CompletableFuture<float[]>> pending = new HashMap<>();
    private long bytes;
    private long hits;
    private long misses;

    public TileCache(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("cache budget must be positive");
        }
        this.budgetBytes = budgetBytes;
    }

    /** The tile stored under {@code key}, computing it with {@code compute} when it is missing. */
    public float[] get(Object key, Supplier<float[]> compute) {
        CompletableFuture<float[]> future;
        boolean computeHere = false;
        synchronized (this) {
            float[] cached = tiles.get(key);
            if (cached != null) {
                hits++;
                return cached;
            }
            future = pending.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                pending.put(key, future);
                computeHere = true;
                misses++;
            }
        }
        if (!computeHere) {
            try {
                return future.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            float[] value = compute.get();
            synchronized (this) {
                pending.remove(key);
                store(key, value);
            }
            future.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                pending.remove(key);
            }
            future.completeExceptionally(e);
            throw e;
        }
    }

    private void store(Object key, float[] value) {
        tiles.put(key, value);
        bytes += 4L * value.length;
        Iterator<Map.Entry<Object, float[]>> eldest = tiles.entrySet().iterator();
        while (bytes > budgetBytes && eldest.hasNext()) {
            Map.Entry<Object, float[]> e = eldest.next();
            if (e.getKey().equals(key)) {
                break;                                  // never evict the tile just computed
            }
            bytes -= 4L * e.getValue().length;
            eldest.remove();
        }
    }

    /** Whether a tile is cached (without touching its recency). */
    public synchronized boolean contains(Object key) {
        return tiles.containsKey(key);
    }

    /** The memory budget, in bytes. */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** Bytes currently held. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Number of lookups answered from the cache. */
    public synchronized long hits() {
        return hits;
    }

    /** Number of tiles computed. */
    public synchronized long misses() {
        return misses;
    }

    /** Adds {@code nanos} of encoding (the work that produced tiles) to {@link #encodingSeconds}. */
    void recordEncoding(long nanos) {
        encodingNanos.add(nanos);
    }

    /** Seconds spent encoding the tiles of this cache so far (on any thread). */
    public double encodingSeconds() {
        return encodingNanos.sum() / 1e9;
    }
}
