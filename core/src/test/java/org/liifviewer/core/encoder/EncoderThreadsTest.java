package org.liifviewer.core.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every item once, on any number of threads, and an item's exception back at the caller. */
class EncoderThreadsTest {

    @Test
    void runsEveryItemExactlyOnce() {
        for (int parallelism : new int[] {1, 2, 8}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(1000);
            EncoderThreads.forEach(1000, parallelism, runs::incrementAndGet);
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, runs.get(i), "item " + i + " with parallelism " + parallelism);
            }
        }
        EncoderThreads.forEach(0, 2, i -> {
            throw new AssertionError("no items");
        });
    }

    @Test
    void rethrowsAnItemsException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EncoderThreads.forEach(100, 2, i -> {
            if (i == 57) {
                throw new IllegalStateException("item 57");
            }
        }));
        assertEquals("item 57", e.getMessage());
        AtomicIntegerArray runs = new AtomicIntegerArray(10);
        EncoderThreads.forEach(10, 2, runs::incrementAndGet);              // still usable afterwards
        assertEquals(1, runs.get(9));
    }
}
