package org.liifviewer.app.view;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX viewer from the command line and waits until its window closes. */
public final class ViewerLauncher {

    private ViewerLauncher() {
    }

    /** Launches the viewer; returns the exit status (0 when the window closed normally). */
    public static int launch(Path image, boolean smokeTest) {
        ViewerApp.configure(image, smokeTest);
        Application.launch(ViewerApp.class);
        return ViewerApp.exitStatus();
    }
}
