package org.liifviewer.app.view;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the UI thread goes without a pulse: the gaps between consecutive pulses, in milliseconds
 * (about 16.7 ms when nothing blocks at 60 frames a second): the longest one and the distribution (whole
 * milliseconds, gaps of a second or more counted in the last bucket). With {@code -Dliif.stallTrace=true} every
 * gap over two frames is printed with the JVM uptime at its end, to match against a GC log's timestamps.
 */
public final class StallMonitor extends AnimationTimer {

    private static final boolean TRACE = Boolean.getBoolean("liif.stallTrace");
    private static final long TRACE_NANOS = 33_000_000;

    private final long[] histogram = new long[1000];
    private long last;
    private long worstNanos;
    private long gaps;

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            worstNanos = Math.max(worstNanos, gap);
            histogram[(int) Math.min(histogram.length - 1, gap / 1_000_000)]++;
            gaps++;
            if (TRACE && gap > TRACE_NANOS) {
                System.out.printf(Locale.ROOT, "stall %.1f ms ending at uptime %.3f s%n", gap / 1e6,
                        ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
            }
        }
        last = now;
    }

    /** Starts counting afresh. */
    public void reset() {
        last = 0;
        worstNanos = 0;
        gaps = 0;
        Arrays.fill(histogram, 0);
    }

    /** The longest pulse gap seen since the last reset, in milliseconds. */
    public double worstMillis() {
        return worstNanos / 1e6;
    }

    /** The gap that a fraction {@code q} (0 to 1) of the gaps since the last reset do not exceed, in whole milliseconds (upper bound). */
    public int percentileMillis(double q) {
        long rank = (long) Math.ceil(q * gaps);
        long seen = 0;
        for (int ms = 0; ms < histogram.length; ms++) {
            seen += histogram[ms];
            if (seen >= Math.max(1, rank)) {
                return ms + 1;
            }
        }
        return 0;
    }

    /** Number of pulse gaps of {@code millis} milliseconds or more since the last reset. */
    public long gapsOver(int millis) {
        long n = 0;
        for (int ms = millis; ms < histogram.length; ms++) {
            n += histogram[ms];
        }
        return n;
    }
}
