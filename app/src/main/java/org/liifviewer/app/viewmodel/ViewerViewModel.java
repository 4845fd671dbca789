package org.liifviewer.app.viewmodel;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.liifviewer.core.export.BicubicImage;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.io.UserMessages;
import org.liifviewer.core.render.ContinuousImage;
import org.liifviewer.core.render.EncodedImage;
import org.liifviewer.core.render.LiifModel;
import org.liifviewer.core.render.TileScheduler;

/**
 * The state of the viewer window, in parts: what is open ({@link ContentLoader}), zoom and pan
 * ({@link ViewportController}), the notice and status bar ({@link StatusLine}), and the two tile layers (LIIF and
 * bicubic) with the compare mode. This class wires them: an opened image or a loaded model goes to the layers and
 * the viewport. Used on the UI thread only.
 *
 * @param <T> the display image type of tiles and mipmap levels
 */
public final class ViewerViewModel<T> {

    private static final long TILE_BUDGET_BYTES = 256L << 20;

    private final RecentFiles recentFiles;
    private final TileLayer<T> liif;
    private final TileLayer<T> bicubic;
    private final ObjectProperty<CompareMode> compareMode = new SimpleObjectProperty<>(this, "compareMode", CompareMode.SINGLE);
    private final DoubleProperty swipeDivider = new SimpleDoubleProperty(this, "swipeDivider", 0.5);
    private final StatusLine status = new StatusLine();
    private final ContentLoader<T> content;
    private final ViewportController viewport;
    private final RealismSetting realism;
    private final ReadOnlyBooleanWrapper realismAvailable = new ReadOnlyBooleanWrapper(this, "realismAvailable");
    /** The open image as the current model encodes it, or null. */
    private EncodedImage encoded;
    private final BooleanProperty compareWithLiif = new SimpleBooleanProperty(this, "compareWithLiif");

    public ViewerViewModel(Function<FloatImage, T> converter, ToLongFunction<T> tileBytes, Executor uiExecutor,
                           Executor background, TileScheduler scheduler, ScheduledExecutorService timer,
                           RecentFiles recentFiles, RealismSetting realism) {
        this.recentFiles = recentFiles;
        this.realism = realism;
        this.liif = new TileLayer<>(scheduler, uiExecutor, converter, tileBytes, TILE_BUDGET_BYTES);
        this.bicubic = new TileLayer<>(scheduler, uiExecutor, converter, tileBytes, TILE_BUDGET_BYTES / 4);
        this.content = new ContentLoader<>(converter, uiExecutor, background, recentFiles, status);
        this.viewport = new ViewportController(liif, bicubic, compareMode, timer, uiExecutor);
        liif.lastRenderProperty().addListener((o, a, t) -> status.showRender(status.modelNameProperty().get(), t));
        bicubic.lastRenderProperty().addListener((o, a, t) -> {
            if (content.modelProperty().get() == null) {
                status.showRender("bicubic", t);
            }
        });
        liif.failureProperty().addListener((o, a, e) -> {
            if (e != null) {
                status.showMessage("LIIF rendering failed: " + UserMessages.describe(e));
            }
        });
        compareMode.addListener((o, a, b) -> viewport.requestVisible());
        content.documentProperty().addListener((o, a, doc) -> show(doc));
        content.modelProperty().addListener((o, a, model) -> useModel(model));
        compareWithLiif.addListener((o, a, b) -> {
            showReference();
            viewport.requestVisible();
        });
        realism.valueProperty().addListener((o, a, b) -> {
            if (encoded != null && encoded.hasRealism()) {
                liif.setImage(liifImage());                    // the same feature tiles: decoding only
                viewport.requestVisible();
            }
        });
    }

    private void show(Document<T> doc) {
        FloatImage rgb = doc.decoded().rgb();
        LiifModel model = content.modelProperty().get();
        encoded = model == null ? null : model.encoded(rgb);        // lazy: cheap
        liif.setImage(liifImage());
        bicubic.setImage(referenceImage(rgb));
        viewport.showImage(doc.width(), doc.height());
    }

    private void useModel(LiifModel model) {
        Document<T> doc = content.documentProperty().get();
        realismAvailable.set(model.hasRealism());
        encoded = doc == null ? null : model.encoded(doc.decoded().rgb());
        liif.setImage(liifImage());
        if (compareWithLiif.get()) {
            showReference();                                   // the reference is the model's: it changed too
        }
        viewport.requestVisible();
    }

    /** Puts the compare modes' reference image of the open document (if any) on the reference layer. */
    private void showReference() {
        Document<T> doc = content.documentProperty().get();
        if (doc != null) {
            bicubic.setImage(referenceImage(doc.decoded().rgb()));
        }
    }

    /** What the LIIF layer renders: the encoded image, at the realism setting for a LIIF-GAN model. */
    private ContinuousImage liifImage() {
        if (encoded == null) {
            return null;
        }
        return encoded.hasRealism() ? encoded.atRealism(realism.get()) : encoded.image();
    }

    /**
     * What compare modes show beside the LIIF layer: bicubic, or for a LIIF-GAN model at {@link #compareWithLiif}
     * its first decoder alone (realism 0, plain LIIF), from the same feature tiles.
     */
    private ContinuousImage referenceImage(FloatImage rgb) {
        return compareWithLiif.get() && encoded != null && encoded.hasRealism() ? encoded.atRealism(0f)
                : new BicubicImage(rgb);
    }

    /** Whether compare modes put LIIF (realism 0) rather than bicubic beside a LIIF-GAN model's rendering. */
    public BooleanProperty compareWithLiifProperty() {
        return compareWithLiif;
    }

    /** The label of the compare modes' reference side. */
    public String referenceLabel() {
        return compareWithLiif.get() && realismAvailable.get() ? "LIIF" : "Bicubic";
    }

    /** The label of the rendered side: LIIF-GAN for a model with a second decoder. */
    public String renderedLabel() {
        return realismAvailable.get() ? "LIIF-GAN" : "LIIF";
    }

    /** The realism of LIIF-GAN models (remembered). */
    public RealismSetting realism() {
        return realism;
    }

    /** Whether the current model has a realism to set (a LIIF-GAN model). */
    public ReadOnlyBooleanProperty realismAvailableProperty() {
        return realismAvailable.getReadOnlyProperty();
    }

    /** The pointer is at screen point ({@code x}, {@code y}) of a view: shows the pixel there and renders near it first. */
    public void pointerMoved(double x, double y) {
        viewport.focusOn(x, y);
        Viewport v = viewport.viewportProperty().get();
        Document<T> doc = content.documentProperty().get();
        if (v == null || doc == null) {
            return;
        }
        int ix = (int) Math.floor(v.toImageX(x));
        int iy = (int) Math.floor(v.toImageY(y));
        if (ix < 0 || iy < 0 || ix >= doc.width() || iy >= doc.height()) {
            status.clearPixel();
        } else {
            status.showPixel(doc.decoded().rgb(), doc.decoded().bitDepth(), ix, iy);
        }
    }

    /** The pointer left the view: render around the centre again. */
    public void pointerExited() {
        viewport.clearFocus();
        status.clearPixel();
    }

    /** Opening images and loading models; the open document and model. */
    public ContentLoader<T> content() {
        return content;
    }

    /** Zoom and pan. */
    public ViewportController viewport() {
        return viewport;
    }

    /** The notice and the status bar's texts. */
    public StatusLine status() {
        return status;
    }

    public ObjectProperty<CompareMode> compareModeProperty() {
        return compareMode;
    }

    /** Position of the swipe divider as a fraction of the view width. */
    public DoubleProperty swipeDividerProperty() {
        return swipeDivider;
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
