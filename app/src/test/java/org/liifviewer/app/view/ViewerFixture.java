package org.liifviewer.app.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liifviewer.app.SharedFiles;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A fresh viewer window for every test (headless on Monocle), shut down after it, and the helpers the UI tests
 * share: the sample image, the small golden model, waiting on and running code on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
abstract class ViewerFixture {

    static final Path SAMPLE = Path.of("../resources/samples/chelsea.png");
    static final Path SMALL_MODEL = SharedFiles.find("golden/small-full/checkpoint.pth");

    /** The window under test, opened on TestFX's primary stage before each test. */
    Viewer viewer;

    /** TestFX finds {@code @Start} methods in the test class only, not its superclasses: hence a plain BeforeEach. */
    @BeforeEach
    void openViewer() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        viewer = fx(() -> new Viewer(stage, Preferences.userRoot().node("liif-viewer-test")));
    }

    @AfterEach
    void stop() {
        viewer.shutdown();
    }

    /** The small golden model, or null (the viewer then shows bicubic only) when ../shared is absent. */
    static Path model() {
        return SMALL_MODEL;
    }

    /** Waits up to a minute for {@code condition}, evaluated on the FX thread; fails with {@code what}. */
    static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        assertTrue(WaitForAsyncUtils.asyncFx(condition).get(), what);
    }

    /** Runs {@code c} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
