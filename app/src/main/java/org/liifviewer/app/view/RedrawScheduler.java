package org.liifviewer.app.view;

import javafx.animation.AnimationTimer;

/** Runs a redraw at the next pulse after one or more requests: many changes in one frame cost one redraw. */
final class RedrawScheduler extends AnimationTimer {

    private final Runnable redraw;
    private boolean dirty;

    RedrawScheduler(Runnable redraw) {
        this.redraw = redraw;
    }

    void request() {
        dirty = true;
    }

    @Override
    public void handle(long now) {
        if (dirty) {
            dirty = false;
            redraw.run();
        }
    }
}
