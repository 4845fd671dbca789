package org.liifviewer.app.view;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the UI thread goes without a pulse: the longest gap between two consecutive pulses,
 * in milliseconds (about 16.7 ms when nothing blocks at 60 frames a second).
 */
public final class StallMonitor extends AnimationTimer {

    private long last;
    private long worstNanos;

    @Override
    public void handle(long now) {
        if (last != 0) {
            worstNanos = Math.max(worstNanos, now - last);
        }
        last = now;
    }

    /** Starts counting afresh. */
    public void reset() {
        last = 0;
        worstNanos = 0;
    }

    /** The longest pulse gap seen since the last reset, in milliseconds. */
    public double worstMillis() {
        return worstNanos / 1e6;
    }
}
