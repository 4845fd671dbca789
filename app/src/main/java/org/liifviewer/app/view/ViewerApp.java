package org.liifviewer.app.view;

import java.io.InputStream;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The viewer window. This first version shows the image fitted to the window; continuous LIIF zoom arrives
 * with the viewer issue.
 */
public final class ViewerApp extends Application {

    private static Path initialImage;
    private static boolean smokeTest;
    private static volatile int exitStatus;

    static void configure(Path image, boolean smoke) {
        initialImage = image;
        smokeTest = smoke;
    }

    static int exitStatus() {
        return exitStatus;
    }

    @Override
    public void start(Stage stage) throws Exception {
        ImageView view = new ImageView(loadImage());
        view.setPreserveRatio(true);
        BorderPane root = new BorderPane(view);
        view.fitWidthProperty().bind(root.widthProperty());
        view.fitHeightProperty().bind(root.heightProperty().subtract(24));
        root.setBottom(new Label("LIIF Viewer preview: " + (initialImage == null ? "sample image" : initialImage)));
        stage.setTitle("LIIF Viewer");
        stage.setScene(new Scene(root, 1024, 768));
        stage.show();
        if (smokeTest) {
            System.out.println("{\"smoke\":\"window-shown\"}");
            Platform.exit();
        }
    }

    private static Image loadImage() throws Exception {
        if (initialImage != null) {
            return FxImages.toFx(org.liifviewer.core.image.ImageFiles.read(initialImage).rgb());
        }
        try (InputStream in = ViewerApp.class.getResourceAsStream("/liif/samples/butterfly.png")) {
            return new Image(in);
        }
    }
}
