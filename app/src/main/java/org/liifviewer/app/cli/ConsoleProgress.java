package org.liifviewer.app.cli;

import org.liifviewer.core.progress.RenderMonitor;

/** A one-line progress bar on stderr, drawn only when a terminal is attached; {@link #cancel()} stops the render. */
final class ConsoleProgress implements RenderMonitor {

    private final String label;
    private final boolean enabled = System.console() != null;
    private final long start = System.nanoTime();
    private int lastPercent = -1;
    private volatile boolean cancelled;

    ConsoleProgress(String label) {
        this.label = label;
    }

    /** Asks the render to stop at its next check. */
    void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void progress(double fraction) {
        int percent = (int) Math.floor(fraction * 100);
        if (!enabled || percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
        int filled = percent / 4;
        System.err.printf("\r%s [%s%s] %3d%%  %.1fs elapsed, ETA %.1fs ", label, "#".repeat(filled),
                " ".repeat(25 - filled), percent, elapsed, eta);
        if (percent == 100) {
            System.err.println();
        }
    }
}
