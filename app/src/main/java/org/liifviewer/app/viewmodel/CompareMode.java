package org.liifviewer.app.viewmodel;

/** How the view shows the image. */
public enum CompareMode {
    /** One view, LIIF (bicubic when no model is loaded). */
    SINGLE,
    /** Bicubic and LIIF next to each other, zoom and pan synchronised. */
    SIDE_BY_SIDE,
    /** One view, bicubic left of a draggable divider and LIIF right of it. */
    SWIPE
}
