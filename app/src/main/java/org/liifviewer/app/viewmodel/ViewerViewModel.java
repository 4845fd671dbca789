package org.liifviewer.app.viewmodel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.liifviewer.core.export.BicubicImage;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.io.UserMessages;
import org.liifviewer.core.liif.LiifModel;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.render.TileScheduler;

/**
 * The state of the viewer window: the open image, the loaded model, the viewport, the compare mode and what
 * the status bar shows. Zoom and pan change the viewport at once (the view redraws what it has, rescaled);
 * once the gesture has paused for {@link #SETTLE_MILLIS} the visible tiles are requested from the layers.
 * File and model loading run on the background executor; every property changes on the UI thread.
 *
 * @param <T> the display image type of tiles and mipmap levels
 */
public final class ViewerViewModel<T> {

    /** Pause after the last zoom or pan step before LIIF rendering starts. */
    public static final long SETTLE_MILLIS = 120;
    /** Classpath location of the embedded default model. */
    public static final String DEFAULT_MODEL = "/liif/models/liif-default.safetensors";
    /** File name of the built-in sample image. */
    public static final String SAMPLE_NAME = "chelsea.png";
    /** Classpath location of the sample image. */
    public static final String SAMPLE_IMAGE = "/liif/samples/" + SAMPLE_NAME;
    /** Notice shown while no model is loaded. */
    public static final String NO_MODEL = "no LIIF model loaded: showing bicubic";

    private static final long TILE_BUDGET_BYTES = 256L << 20;
    private static final double KEY_ZOOM_STEP = 1.25;

    private final Function<FloatImage, T> converter;
    private final Executor uiExecutor;
    private final Executor background;
    private final RecentFiles recentFiles;
    private final TileLayer<T> liif;
    private final TileLayer<T> bicubic;
    private final Debouncer settle;

    private final ReadOnlyObjectWrapper<Document<T>> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<Viewport> viewport = new ReadOnlyObjectWrapper<>(this, "viewport");
    private final ObjectProperty<CompareMode> compareMode = new SimpleObjectProperty<>(this, "compareMode", CompareMode.SINGLE);
    private final DoubleProperty swipeDivider = new SimpleDoubleProperty(this, "swipeDivider", 0.5);
    private final ReadOnlyObjectWrapper<LiifModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName", "none");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper pointerInfo = new ReadOnlyStringWrapper(this, "pointerInfo", "");
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend", "backend: starting…");
    private final ReadOnlyStringWrapper renderInfo = new ReadOnlyStringWrapper(this, "renderInfo", "");
    private final ReadOnlyBooleanWrapper moving = new ReadOnlyBooleanWrapper(this, "moving");
    private double viewW = 800;
    private double viewH = 600;
    private boolean fitted;
    private double focusX = Double.NaN;
    private double focusY = Double.NaN;

    public ViewerViewModel(Function<FloatImage, T> converter, ToLongFunction<T> tileBytes, Executor uiExecutor,
                           Executor background, TileScheduler scheduler, ScheduledExecutorService timer,
                           RecentFiles recentFiles) {
        this.converter = converter;
        this.uiExecutor = uiExecutor;
        this.background = background;
        this.recentFiles = recentFiles;
        this.liif = new TileLayer<>(scheduler, uiExecutor, converter, tileBytes, TILE_BUDGET_BYTES);
        this.bicubic = new TileLayer<>(scheduler, uiExecutor, converter, tileBytes, TILE_BUDGET_BYTES / 4);
        this.settle = new Debouncer(timer, uiExecutor, SETTLE_MILLIS, () -> {
            moving.set(false);
            requestVisible();
        });
        liif.lastRenderProperty().addListener((o, a, t) -> renderInfo.set(describe("LIIF", t)));
        bicubic.lastRenderProperty().addListener((o, a, t) -> {
            if (model.get() == null) {
                renderInfo.set(describe("bicubic", t));
            }
        });
        liif.failureProperty().addListener((o, a, e) -> {
            if (e != null) {
                message.set("LIIF rendering failed: " + UserMessages.describe(e));
            }
        });
        compareMode.addListener((o, a, b) -> requestVisible());
    }

    private static String describe(String what, TileLayer.RenderTimes t) {
        return t == null ? "" : String.format(Locale.ROOT, "%s render %.2f s (first tile %.2f s, %d tiles)",
                what, t.fullSeconds(), t.firstTileSeconds(), t.tiles());
    }

    // ---- files and models ----------------------------------------------------------------------------------

    /** Opens an image file in the background; a failure becomes the {@link #messageProperty() message}. */
    public CompletableFuture<Void> open(Path file) {
        return load(() -> ImageFiles.read(file), file.getFileName().toString(), file);
    }

    /** Opens the built-in sample image. */
    public CompletableFuture<Void> openSample() {
        return load(() -> {
            Path tmp = copyResource(SAMPLE_IMAGE, ".png");
            try {
                return ImageFiles.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }, SAMPLE_NAME + " (sample)", null);
    }

    private interface Reader {
        DecodedImage read() throws IOException;
    }

    private CompletableFuture<Void> load(Reader reader, String name, Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                DecodedImage decoded = reader.read();
                List<T> levels = Mipmaps.build(decoded.rgb(), 64).stream().map(converter).toList();
                return new Document<>(name, file, decoded, levels);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).thenAcceptAsync(doc -> {
            document.set(doc);
            if (file != null) {
                recentFiles.add(file);
            }
            message.set(model.get() == null ? NO_MODEL : null);
            liif.setImage(model.get() == null ? null : model.get().encode(doc.decoded().rgb()));   // lazy: cheap
            bicubic.setImage(new BicubicImage(doc.decoded().rgb()));
            viewport.set(Viewport.fit(doc.width(), doc.height(), viewW, viewH));
            fitted = true;
            requestVisible();
        }, uiExecutor).exceptionallyAsync(e -> {
            message.set(UserMessages.describe(e));
            return null;
        }, uiExecutor);
    }

    /** Loads a model file (our .safetensors or an official .pth) in the background. */
    public CompletableFuture<Void> loadModel(Path file) {
        return loadModel(() -> ModelFiles.load(file), file.getFileName().toString());
    }

    /** Loads the model embedded in the application, when there is one; else shows the "no model" notice. */
    public CompletableFuture<Void> loadDefaultModel() {
        if (ViewerViewModel.class.getResource(DEFAULT_MODEL) == null) {
            return CompletableFuture.runAsync(() -> {
                modelName.set("none");
                if (message.get() == null) {
                    message.set(NO_MODEL);
                }
            }, uiExecutor);
        }
        return loadModel(() -> {
            Path tmp = copyResource(DEFAULT_MODEL, ".safetensors");
            try {
                return ModelFiles.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }, "liif-default");
    }

    private interface ModelReader {
        LiifModelFile read() throws IOException;
    }

    private CompletableFuture<Void> loadModel(ModelReader reader, String name) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                LiifModelFile f = reader.read();
                return new LiifModel(f.spec(), f.weights());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).thenAcceptAsync(m -> {
            model.set(m);
            modelName.set(name);
            if (NO_MODEL.equals(message.get())) {
                message.set(null);
            }
            Document<T> doc = document.get();
            liif.setImage(doc == null ? null : m.encode(doc.decoded().rgb()));
            requestVisible();
        }, uiExecutor).exceptionallyAsync(e -> {
            message.set("Model not loaded: " + UserMessages.describe(e));
            return null;
        }, uiExecutor);
    }

    /** Names the compute backend of ND4J (CPU or CUDA), found in the background. */
    public void detectBackend() {
        CompletableFuture.supplyAsync(() -> {
            String name = org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName();
            return (name.toLowerCase(Locale.ROOT).contains("cuda") ? "CUDA" : "CPU") + " (" + name + ")";
        }, background).whenComplete((name, e) -> uiExecutor.execute(
                () -> backend.set("backend: " + (e == null ? name : "unavailable"))));
    }

    private static Path copyResource(String resource, String suffix) throws IOException {
        Path tmp = Files.createTempFile("liif-", suffix);
        try (InputStream in = ViewerViewModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    // ---- viewport --------------------------------------------------------------------------------------------

    /** The size of one image view (half the area in side-by-side mode). */
    public void setViewSize(double w, double h) {
        if (w <= 0 || h <= 0 || w == viewW && h == viewH) {
            return;
        }
        viewW = w;
        viewH = h;
        Viewport v = viewport.get();
        if (fitted) {
            fit();
        } else if (v != null) {
            changeViewport(v.resized(w, h));
        }
    }

    /** Multiplies the zoom by {@code factor}, keeping the image point under screen point ({@code x}, {@code y}) in place. */
    public void zoomBy(double factor, double x, double y) {
        Viewport v = viewport.get();
        if (v != null) {
            focusX = x;
            focusY = y;
            changeViewport(v.zoomedAt(v.zoom() * factor, x, y));
        }
    }

    /** Sets the zoom (1 = 100%) about the view's centre. */
    public void setZoom(double zoom) {
        Viewport v = viewport.get();
        if (v != null) {
            changeViewport(v.zoomedAtCentre(zoom));
        }
    }

    /**
     * Sets the zoom from text such as {@code "400%"}, {@code "400"}, {@code "x4"} or {@code "4x"}; returns
     * false (changing nothing) when the text is not a positive number.
     */
    public boolean setZoomText(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(',', '.');
        try {
            double z;
            if (t.startsWith("x") || t.startsWith("×")) {
                z = Double.parseDouble(t.substring(1).trim());
            } else if (t.endsWith("x") || t.endsWith("×")) {
                z = Double.parseDouble(t.substring(0, t.length() - 1).trim());
            } else {
                z = Double.parseDouble(t.replace("%", "").trim()) / 100;
            }
            if (!(z > 0) || Double.isInfinite(z)) {
                return false;
            }
            setZoom(z);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Zoom in one step about the centre (the + key). */
    public void zoomIn() {
        zoomBy(KEY_ZOOM_STEP, viewW / 2, viewH / 2);
    }

    /** Zoom out one step about the centre (the − key). */
    public void zoomOut() {
        zoomBy(1 / KEY_ZOOM_STEP, viewW / 2, viewH / 2);
    }

    /** Fits the whole image in the view (the 0 key). */
    public void fit() {
        Document<T> doc = document.get();
        if (doc != null) {
            changeViewport(Viewport.fit(doc.width(), doc.height(), viewW, viewH));
            fitted = true;
        }
    }

    /** One input pixel per screen pixel (the 1 key). */
    public void actualSize() {
        setZoom(1);
    }

    /** Moves the view by a drag of ({@code dx}, {@code dy}) screen pixels. */
    public void panBy(double dx, double dy) {
        Viewport v = viewport.get();
        if (v != null) {
            changeViewport(v.pannedBy(dx, dy));
        }
    }

    /** An arrow key: moves the view a tenth of its size in direction ({@code sx}, {@code sy}), each -1, 0 or 1. */
    public void step(int sx, int sy) {
        panBy(-sx * viewW / 10, -sy * viewH / 10);
    }

    /** Centres the view on image point ({@code ix}, {@code iy}) (a click in the navigator). */
    public void centreOn(double ix, double iy) {
        Viewport v = viewport.get();
        if (v != null) {
            changeViewport(v.centredOn(ix, iy));
        }
    }

    private void changeViewport(Viewport next) {
        fitted = false;
        Viewport old = viewport.get();
        viewport.set(next);
        moving.set(true);
        if (old == null || old.gridW() != next.gridW() || old.gridH() != next.gridH()) {
            liif.cancel();
            bicubic.cancel();
        }
        settle.trigger();
    }

    /** Requests the visible tiles of the layers the current mode shows; below 100% the mipmaps suffice. */
    public void requestVisible() {
        Viewport v = viewport.get();
        if (v == null) {
            return;
        }
        if (v.zoom() < 1) {
            liif.cancel();
            bicubic.cancel();
            return;
        }
        double fx = Double.isNaN(focusX) ? v.viewW() / 2 : focusX;
        double fy = Double.isNaN(focusY) ? v.viewH() / 2 : focusY;
        boolean comparing = compareMode.get() != CompareMode.SINGLE;
        if (comparing || liif.image() == null) {
            bicubic.request(v, fx, fy);
        } else {
            bicubic.cancel();
        }
        liif.request(v, fx, fy);
    }

    // ---- pointer ---------------------------------------------------------------------------------------------

    /** The pointer is at screen point ({@code x}, {@code y}) of a view: updates position and colour, and the render focus. */
    public void pointerMoved(double x, double y) {
        focusX = x;
        focusY = y;
        Viewport v = viewport.get();
        Document<T> doc = document.get();
        if (v == null || doc == null) {
            return;
        }
        int ix = (int) Math.floor(v.toImageX(x));
        int iy = (int) Math.floor(v.toImageY(y));
        if (ix < 0 || iy < 0 || ix >= doc.width() || iy >= doc.height()) {
            pointerInfo.set("");
            return;
        }
        FloatImage rgb = doc.decoded().rgb();
        int max = doc.decoded().bitDepth() >= 16 ? 65535 : 255;
        pointerInfo.set(String.format(Locale.ROOT, "x %d  y %d   RGB %d %d %d", ix, iy,
                Math.round(rgb.get(0, iy, ix) * max), Math.round(rgb.get(1, iy, ix) * max), Math.round(rgb.get(2, iy, ix) * max)));
    }

    /** The pointer left the view: render around the centre again. */
    public void pointerExited() {
        focusX = Double.NaN;
        focusY = Double.NaN;
        pointerInfo.set("");
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Document<T>> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    /** Whether a zoom or pan gesture is under way: the viewport changed less than {@link #SETTLE_MILLIS} ago. */
    public ReadOnlyBooleanProperty movingProperty() {
        return moving.getReadOnlyProperty();
    }

    public ObjectProperty<CompareMode> compareModeProperty() {
        return compareMode;
    }

    /** Position of the swipe divider as a fraction of the view width. */
    public DoubleProperty swipeDividerProperty() {
        return swipeDivider;
    }

    public ReadOnlyObjectProperty<LiifModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    /** A notice or error for the user (a bad file, no model), else null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
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

    public TileLayer<T> liifLayer() {
        return liif;
    }

    public TileLayer<T> bicubicLayer() {
        return bicubic;
    }

    public RecentFiles recentFiles() {
        return recentFiles;
    }
}
