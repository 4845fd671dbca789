package org.liifviewer.core.render;

/** Receives the results of a viewport render, on the rendering thread. */
public interface TileListener {

    /** One more tile is finished. */
    void tileDone(OutputTile tile);

    /** All tiles are done (or the job was cancelled, or failed with {@code error}, else null). */
    default void finished(boolean cancelled, Throwable error) {
    }
}
