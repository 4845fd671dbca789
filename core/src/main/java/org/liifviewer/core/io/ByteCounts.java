package org.liifviewer.core.io;

import java.util.Locale;

/** Byte counts for people: {@code 820 bytes}, {@code 36.0 MB}, {@code 3.0 TB} (decimal units, as disks are sold). */
public final class ByteCounts {

    private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};

    private ByteCounts() {
    }

    /** {@code bytes} in the largest unit that keeps the number at 1 or more, with one decimal. */
    public static String describe(long bytes) {
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < UNITS.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, UNITS[u]);
    }
}
