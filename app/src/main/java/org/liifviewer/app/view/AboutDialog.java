package org.liifviewer.app.view;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.liifviewer.app.log.LogFile;

/** Help › About: what the program is, its version, and where its log file is (to attach to a bug report). */
final class AboutDialog extends Alert {

    AboutDialog(Window owner) {
        super(AlertType.INFORMATION);
        initOwner(owner);
        setTitle("About LIIF Viewer");
        setHeaderText(ViewerApp.NAME_AND_VERSION);
        TextField logFile = new TextField(LogFile.path().toString());
        logFile.setId("aboutLogFile");
        logFile.setEditable(false);
        logFile.setPrefColumnCount(40);
        getDialogPane().setContent(new VBox(8,
                new Label("A continuous-zoom image viewer: past 100 % it renders the image with LIIF,\n"
                        + "a learned image function, instead of interpolating pixels."),
                new Label("Log file (attach it to a bug report):"), logFile));
    }
}
