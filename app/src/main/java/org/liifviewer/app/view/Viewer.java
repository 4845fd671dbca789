package org.liifviewer.app.view;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.liifviewer.app.viewmodel.RealismSetting;
import org.liifviewer.app.viewmodel.RecentFiles;
import org.liifviewer.app.viewmodel.ViewerViewModel;
import org.liifviewer.core.render.ShippedModels;
import org.liifviewer.core.render.TileScheduler;

/**
 * One viewer window with its view-model and worker threads: a single render thread for tiles (the decoder
 * itself uses every core), two background threads for loading and export, and a timer for the settle delay.
 * Render and background threads run at a lower priority than the UI ({@link BackgroundPriority}).
 */
public final class Viewer {

    private final ExecutorService render = Executors.newSingleThreadExecutor(daemon("liif-render", true));
    private final ExecutorService background = Executors.newFixedThreadPool(2, daemon("liif-background", true));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("liif-settle", false));
    private final ViewerViewModel<Image> vm;
    private final MainWindow window;
    private final StallMonitor stalls = new StallMonitor();

    /** Builds the window in {@code stage} and shows it; {@code preferences} keeps the recent files. */
    public Viewer(Stage stage, Preferences preferences) {
        vm = new ViewerViewModel<>(FxImages::toFx, img -> (long) img.getWidth() * (long) img.getHeight() * 4,
                Platform::runLater, background, new TileScheduler(render), timer, new RecentFiles(preferences),
                new RealismSetting(preferences));
        window = new MainWindow(stage, vm, Platform::runLater, background);
        Scene scene = new Scene(window, 1280, 860);
        window.applyTheme(scene, false);
        stage.setTitle("LIIF Viewer");
        stage.setScene(scene);
        stage.show();
        stalls.start();
        vm.status().detectBackend(background, Platform::runLater);
    }

    /** Loads {@code model}, or the embedded default model when null, and opens {@code image}, or the sample when null. */
    public java.util.concurrent.CompletableFuture<Void> start(Path image, Path model) {
        var modelLoaded = model == null ? vm.content().loadDefaultModel()
                : ShippedModels.named(model).map(vm.content()::loadShippedModel)
                        .orElseGet(() -> vm.content().loadModel(model));
        var opened = image == null ? vm.content().openSample() : vm.content().open(image);
        return java.util.concurrent.CompletableFuture.allOf(modelLoaded, opened);
    }

    public ViewerViewModel<Image> viewModel() {
        return vm;
    }

    public MainWindow window() {
        return window;
    }

    public StallMonitor stalls() {
        return stalls;
    }

    /** Stops the worker threads (running renders are abandoned). */
    public void shutdown() {
        stalls.stop();
        vm.liifLayer().cancel();
        vm.bicubicLayer().cancel();
        render.shutdownNow();
        background.shutdownNow();
        timer.shutdownNow();
    }

    /** Daemon threads; {@code low}: below the UI threads' priority, as are the threads they start. */
    private static ThreadFactory daemon(String name, boolean low) {
        return r -> {
            Thread t = new Thread(low ? () -> {
                BackgroundPriority.applyToCurrentThread();
                r.run();
            } : r, name);
            t.setDaemon(true);
            t.setPriority(low ? Thread.MIN_PRIORITY : Thread.NORM_PRIORITY);
            return t;
        };
    }
}
