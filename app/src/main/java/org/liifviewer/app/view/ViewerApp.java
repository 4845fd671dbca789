package org.liifviewer.app.view;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one {@link Viewer} window, opened on the command line's image and model. */
public final class ViewerApp extends Application {

    /** The product and its version, as {@code liif --version} and the About box show them. */
    public static final String NAME_AND_VERSION = "LIIF Viewer 0.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(ViewerApp.class);

    private static Path initialImage;
    private static Path initialModel;
    private static boolean smokeTest;
    private static volatile int exitStatus;
    private Viewer viewer;

    static void configure(Path image, Path model, boolean smoke) {
        initialImage = image;
        initialModel = model;
        smokeTest = smoke;
    }

    static int exitStatus() {
        return exitStatus;
    }

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> LOG.error("uncaught on {}", thread.getName(), e));
        viewer = new Viewer(stage, Preferences.userNodeForPackage(ViewerApp.class));
        if (smokeTest) {
            SmokeTest.run(viewer, initialImage, initialModel, status -> {
                exitStatus = status;
                Platform.exit();
            });
        } else {
            viewer.start(initialImage, initialModel);
        }
    }

    @Override
    public void stop() {
        if (viewer != null) {
            viewer.shutdown();
        }
    }
}
