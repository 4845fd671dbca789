package org.liifviewer.app.viewmodel;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.liifviewer.core.export.BicubicImage;
import org.liifviewer.core.export.ChromaSampling;
import org.liifviewer.core.export.ExportCost;
import org.liifviewer.core.export.ExportFormat;
import org.liifviewer.core.export.ExportSettings;
import org.liifviewer.core.export.ImageExporter;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.io.StopOnShutdown;
import org.liifviewer.core.io.UserMessages;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.ContinuousImage;
import org.liifviewer.core.render.LiifModel;

/**
 * The export dialog's state: output size (width and height, linked by the aspect lock, or a scale factor),
 * format, JPEG quality and colour resolution, bit depth, method and target, with an estimate of the export's time and
 * size; the export itself runs on a background executor with progress and cancel, streaming strips through core's
 * {@link ImageExporter}. An export beyond {@link ExportCost}'s limits asks to be confirmed.
 */
public final class ExportViewModel {

    /** How the output pixels are computed. */
    public enum Method { LIIF, BICUBIC }

    private final DecodedImage source;
    private final LiifModel model;
    private final Executor uiExecutor;
    private final Executor background;
    private final IntegerProperty width = new SimpleIntegerProperty(this, "width");
    private final IntegerProperty height = new SimpleIntegerProperty(this, "height");
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 2);
    private final BooleanProperty aspectLocked = new SimpleBooleanProperty(this, "aspectLocked", true);
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.PNG);
    private final DoubleProperty jpegQuality = new SimpleDoubleProperty(this, "jpegQuality", 0.92);
    private final ObjectProperty<ChromaSampling> jpegChroma =
            new SimpleObjectProperty<>(this, "jpegChroma", ChromaSampling.FULL_444);
    private final BooleanProperty sixteenBit = new SimpleBooleanProperty(this, "sixteenBit");
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(this, "method");
    private final ObjectProperty<Path> target = new SimpleObjectProperty<>(this, "target");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final float realism;
    private boolean linking;
    private Confirmation confirmed;

    /**
     * Export of {@code source}; {@code model} may be null (then only bicubic is offered); a LIIF-GAN model renders
     * at {@code realism}.
     */
    public ExportViewModel(DecodedImage source, LiifModel model, float realism, Executor uiExecutor,
                           Executor background) {
        this.source = source;
        this.model = model;
        this.realism = realism;
        this.uiExecutor = uiExecutor;
        this.background = background;
        method.set(model == null ? Method.BICUBIC : Method.LIIF);
        sixteenBit.set(source.bitDepth() >= 16);
        width.addListener((o, a, w) -> link(() -> {
            if (aspectLocked.get()) {
                height.set(Math.max(1, (int) Math.round(w.doubleValue() * source.height() / source.width())));
            }
            scale.set(w.doubleValue() / source.width());
        }));
        height.addListener((o, a, h) -> link(() -> {
            if (aspectLocked.get()) {
                width.set(Math.max(1, (int) Math.round(h.doubleValue() * source.width() / source.height())));
                scale.set(width.get() / (double) source.width());
            }
        }));
        scale.addListener((o, a, s) -> link(() -> {
            width.set(Math.max(1, (int) Math.round(s.doubleValue() * source.width())));
            height.set(Math.max(1, (int) Math.round(s.doubleValue() * source.height())));
        }));
        link(() -> {
            width.set(source.width() * 2);
            height.set(source.height() * 2);
        });
        updateEstimate();
        for (javafx.beans.Observable setting : new javafx.beans.Observable[] {width, height, format, sixteenBit, method}) {
            setting.addListener(o -> updateEstimate());
        }
    }

    private void updateEstimate() {
        estimate.set("Estimate: " + cost(settings()).describe());
    }

    private void link(Runnable update) {
        if (!linking) {
            linking = true;
            try {
                update.run();
            } finally {
                linking = false;
            }
        }
    }

    /** Whether a model is loaded, so LIIF can be chosen. */
    public boolean liifAvailable() {
        return model != null;
    }

    /** The settings the export will use. */
    public ExportSettings settings() {
        ExportFormat f = format.get();
        int bits = sixteenBit.get() && f.supports16Bit() ? 16 : 8;
        return new ExportSettings(width.get(), height.get(), f, bits, (float) jpegQuality.get(), jpegChroma.get(),
                source.exif(), source.iccProfile());
    }

    /**
     * Starts the export; completes when the file is written, cancelled, failed or held back (see
     * {@link #statusProperty()}). An export estimated beyond {@link ExportCost}'s limits is held back with the
     * estimate in the status, and goes ahead when it is started again unchanged.
     */
    public CompletableFuture<Void> start() {
        ExportSettings settings = settings();
        Path out = target.get();
        if (out == null) {
            status.set("Choose a file to export to");
            return CompletableFuture.completedFuture(null);
        }
        ExportCost cost = cost(settings);
        running.set(true);
        return CompletableFuture.supplyAsync(() -> cost.excess(ExportCost.freeSpaceFor(out)), background)
                .thenComposeAsync(excess -> {
                    Confirmation asked = new Confirmation(cost, out);
                    if (excess.isPresent() && !asked.equals(confirmed)) {
                        confirmed = asked;
                        running.set(false);
                        status.set(excess.get() + ". Press Export again to go ahead anyway.");
                        return CompletableFuture.completedFuture(null);
                    }
                    confirmed = null;
                    return export(settings, out);
                }, uiExecutor);
    }

    /** An export the user was warned about: starting it again means going ahead. */
    private record Confirmation(ExportCost cost, Path target) {
    }

    private ExportCost cost(ExportSettings settings) {
        ExportCost.Renderer renderer = method.get() == Method.LIIF && model != null
                ? ExportCost.Renderer.LIIF : ExportCost.Renderer.BICUBIC;
        return ExportCost.of(settings, source.alpha().isPresent(), renderer, (long) source.width() * source.height());
    }

    private CompletableFuture<Void> export(ExportSettings settings, Path out) {
        ContinuousImage image = method.get() == Method.LIIF && model != null
                ? (model.hasRealism() ? model.encode(source.rgb(), realism) : model.encode(source.rgb()))
                : new BicubicImage(source.rgb());
        cancelRequested.set(false);
        progress.set(0);
        status.set("Exporting " + settings.width() + " × " + settings.height() + "…");
        long start = System.nanoTime();
        RenderMonitor monitor = new RenderMonitor() {
            private volatile double posted;

            @Override
            public void progress(double fraction) {
                if (fraction - posted >= 0.005) {      // at most 200 UI updates per export
                    posted = fraction;
                    uiExecutor.execute(() -> progress.set(fraction));
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested.get();
            }
        };
        return CompletableFuture.runAsync(() -> {
            try (StopOnShutdown stop = new StopOnShutdown(this::cancel)) {   // quitting mid-export leaves no file
                ImageExporter.export(image, source.alpha().orElse(null), settings, out, monitor);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).handleAsync((ok, e) -> {
            running.set(false);
            Throwable cause = e == null ? null : e.getCause() == null ? e : e.getCause();
            if (cause == null) {
                progress.set(1);
                status.set(String.format(java.util.Locale.ROOT, "Saved %s in %.1f s", out.getFileName(),
                        (System.nanoTime() - start) / 1e9));
            } else if (cause instanceof CancellationException) {
                status.set("Export cancelled");
            } else {
                status.set("Export failed: " + UserMessages.describe(cause));
            }
            return null;
        }, uiExecutor);
    }

    /** Stops a running export; no file is left behind. */
    public void cancel() {
        cancelRequested.set(true);
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public IntegerProperty heightProperty() {
        return height;
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public BooleanProperty aspectLockedProperty() {
        return aspectLocked;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public DoubleProperty jpegQualityProperty() {
        return jpegQuality;
    }

    public ObjectProperty<ChromaSampling> jpegChromaProperty() {
        return jpegChroma;
    }

    public BooleanProperty sixteenBitProperty() {
        return sixteenBit;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public ObjectProperty<Path> targetProperty() {
        return target;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The estimated time and file size of the export with the current settings. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }
}
