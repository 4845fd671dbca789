package org.liifviewer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileStoreTest {

    private static TileStore.Key key(int i) {
        return new TileStore.Key(1000, 800, i * 128L, 0);
    }

    @Test
    void evictsLeastRecentlyUsedBeyondTheBudget() {
        TileStore<byte[]> store = new TileStore<>(300, b -> b.length);
        store.put(key(0), new byte[100]);
        store.put(key(1), new byte[100]);
        store.put(key(2), new byte[100]);
        store.get(key(0));                       // 1 is now the eldest
        store.put(key(3), new byte[100]);
        assertTrue(store.contains(key(0)));
        assertFalse(store.contains(key(1)));
        assertEquals(300, store.bytes());
        assertEquals(3, store.size());
    }

    @Test
    void replacingATileKeepsTheByteCount() {
        TileStore<byte[]> store = new TileStore<>(1000, b -> b.length);
        store.put(key(0), new byte[100]);
        store.put(key(0), new byte[50]);
        assertEquals(50, store.bytes());
        store.clear();
        assertEquals(0, store.bytes());
    }
}
