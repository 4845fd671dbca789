package org.liifviewer.app.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Finished output tiles, least recently used first out once their total size exceeds the budget. Thread-safe:
 * workers ask whether a tile is already there, the UI thread adds and reads.
 *
 * @param <T> the tile image type
 */
public final class TileStore<T> {

    /**
     * A tile of a virtual output grid.
     *
     * @param gridW grid columns (identifies the zoom level)
     * @param gridH grid rows
     * @param x     first grid column of the tile
     * @param y     first grid row of the tile
     */
    public record Key(long gridW, long gridH, long x, long y) {
    }

    private final long budgetBytes;
    private final ToLongFunction<T> weigher;
    private final LinkedHashMap<Key, T> tiles = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public TileStore(long budgetBytes, ToLongFunction<T> weigher) {
        this.budgetBytes = budgetBytes;
        this.weigher = weigher;
    }

    public synchronized T get(Key key) {
        return tiles.get(key);
    }

    /** A snapshot of every stored tile (their recency unchanged). */
    public synchronized List<T> values() {
        return new ArrayList<>(tiles.values());
    }

    public synchronized boolean contains(Key key) {
        return tiles.containsKey(key);
    }

    /** Adds a tile, evicting the least recently used ones beyond the budget. */
    public synchronized void put(Key key, T tile) {
        T old = tiles.put(key, tile);
        if (old != null) {
            bytes -= weigher.applyAsLong(old);
        }
        bytes += weigher.applyAsLong(tile);
        var it = tiles.entrySet().iterator();
        while (bytes > budgetBytes && tiles.size() > 1 && it.hasNext()) {
            Map.Entry<Key, T> eldest = it.next();
            if (!eldest.getKey().equals(key)) {
                bytes -= weigher.applyAsLong(eldest.getValue());
                it.remove();
            }
        }
    }

    public synchronized void clear() {
        tiles.clear();
        bytes = 0;
    }

    public synchronized int size() {
        return tiles.size();
    }

    public synchronized long bytes() {
        return bytes;
    }
}
