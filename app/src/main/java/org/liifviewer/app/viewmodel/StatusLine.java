package org.liifviewer.app.viewmodel;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.liifviewer.core.backend.ComputeBackend;
import org.liifviewer.core.image.FloatImage;

/**
 * What the window's notice and status bar show: a notice or error for the user, the model's name, the pixel under
 * the pointer, the compute backend and the last render's timing. Changed on the UI thread only.
 */
public final class StatusLine {

    /** Notice shown while no model is loaded. */
    public static final String NO_MODEL = "no LIIF model loaded: showing bicubic";

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName", "none");
    private final ReadOnlyStringWrapper pointerInfo = new ReadOnlyStringWrapper(this, "pointerInfo", "");
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend", "backend: starting…");
    private final ReadOnlyStringWrapper renderInfo = new ReadOnlyStringWrapper(this, "renderInfo", "");

    /** Shows {@code text} as the notice (an error, say); null hides it. */
    void showMessage(String text) {
        message.set(text);
    }

    /** A document is open: the notice says whether LIIF renders it ({@code withModel}) or bicubic. */
    void documentOpened(boolean withModel) {
        message.set(withModel ? null : NO_MODEL);
    }

    /** A model is loaded: its name shows and the "no model" notice goes. */
    void modelLoaded(String name) {
        modelName.set(name);
        if (NO_MODEL.equals(message.get())) {
            message.set(null);
        }
    }

    /** No model is available: says so, unless another notice is showing. */
    void noModel() {
        modelName.set("none");
        if (message.get() == null) {
            message.set(NO_MODEL);
        }
    }

    /** Shows the position and colour of pixel ({@code x}, {@code y}) of {@code rgb}, at the file's bit depth. */
    void showPixel(FloatImage rgb, int bitDepth, int x, int y) {
        int max = bitDepth >= 16 ? 65535 : 255;
        pointerInfo.set(String.format(Locale.ROOT, "x %d  y %d   RGB %d %d %d", x, y, Math.round(rgb.get(0, y, x) * max),
                Math.round(rgb.get(1, y, x) * max), Math.round(rgb.get(2, y, x) * max)));
    }

    /** The pointer is off the image. */
    void clearPixel() {
        pointerInfo.set("");
    }

    /** Shows how long the last render of {@code what} (LIIF, bicubic) took. */
    void showRender(String what, TileLayer.RenderTimes t) {
        renderInfo.set(t == null ? "" : String.format(Locale.ROOT, "%s render %.2f s (first tile %.2f s, %d tiles)",
                what, t.fullSeconds(), t.firstTileSeconds(), t.tiles()));
    }

    /** Names ND4J's compute backend (CPU or CUDA), found on {@code background} (loading it takes a while). */
    public void detectBackend(Executor background, Executor uiExecutor) {
        CompletableFuture.supplyAsync(ComputeBackend::describe, background).whenComplete((name, e) -> uiExecutor.execute(
                () -> backend.set("backend: " + (e == null ? name : "unavailable"))));
    }

    /** A notice or error for the user (a bad file, no model), else null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pointerInfoProperty() {
        return pointerInfo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
    }

    /** The last render's timing. */
    public ReadOnlyStringProperty renderInfoProperty() {
        return renderInfo.getReadOnlyProperty();
    }
}
