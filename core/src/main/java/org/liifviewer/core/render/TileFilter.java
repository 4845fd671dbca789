package org.liifviewer.core.render;

/** Chooses which tiles of a viewport a render computes, e.g. only those not already on screen. */
@FunctionalInterface
public interface TileFilter {

    /** Every tile. */
    TileFilter ALL = (x, y) -> true;

    /** Whether the tile whose top-left grid pixel is ({@code x}, {@code y}) is to be rendered. */
    boolean wanted(long x, long y);
}
