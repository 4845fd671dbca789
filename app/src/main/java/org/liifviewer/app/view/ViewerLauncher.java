package org.liifviewer.app.view;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX viewer from the command line and waits until its window closes. */
public final class ViewerLauncher {

    private ViewerLauncher() {
    }

    /**
     * Launches the viewer on {@code image} (the sample when null) with {@code model} (the embedded default when
     * null); returns the exit status (0 when the window closed normally or the smoke test passed).
     */
    public static int launch(Path image, Path model, boolean smokeTest) {
        ViewerApp.configure(image, model, smokeTest);
        Application.launch(ViewerApp.class);
        return ViewerApp.exitStatus();
    }
}
