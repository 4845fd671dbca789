package org.liifviewer.app.view;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import org.liifviewer.app.viewmodel.ContentLoader;
import org.liifviewer.app.viewmodel.TileLayer;
import org.liifviewer.app.viewmodel.ViewerViewModel;
import org.liifviewer.app.viewmodel.Viewport;

/**
 * {@code liif view --smoke-test}: once the image and model are loaded, zooms to x4 about the centre, waits for
 * the visible viewport to be rendered (LIIF, or bicubic without a model) and prints one JSON line of timings,
 * then exits with status 0 (1 on failure or after {@link #TIMEOUT_SECONDS}).
 */
final class SmokeTest {

    static final int ZOOM = 4;
    static final int TIMEOUT_SECONDS = 600;

    private SmokeTest() {
    }

    static void run(Viewer viewer, Path image, Path model, IntConsumer exit) {
        var vm = viewer.viewModel();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TIMEOUT_SECONDS * 1000L);
                Platform.runLater(() -> fail("timeout after " + TIMEOUT_SECONDS + " s", exit));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "smoke-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        viewer.start(image, model).whenComplete((ok, e) -> Platform.runLater(() -> {
            if (vm.content().documentProperty().get() == null) {
                fail(String.valueOf(vm.status().messageProperty().get()), exit);
                return;
            }
            if (model != null && vm.content().modelProperty().get() == null) {
                fail(String.valueOf(vm.status().messageProperty().get()), exit);
                return;
            }
            TileLayer<?> layer = vm.content().modelProperty().get() != null ? vm.liifLayer() : vm.bicubicLayer();
            layer.failureProperty().addListener((o, a, err) -> fail(String.valueOf(err), exit));
            layer.lastRenderProperty().addListener((o, a, t) -> {
                Viewport v = vm.viewport().viewportProperty().get();
                String name = image == null ? "sample:" + ContentLoader.SAMPLE_NAME : image.toString();
                System.out.println(String.format(Locale.ROOT,
                        "{\"smoke\":\"ok\",\"image\":\"%s\",\"model\":\"%s\",\"backend\":\"%s\",\"zoom\":%d,"
                                + "\"viewport\":\"%dx%d\",\"tiles\":%d,\"first_tile_s\":%.3f,\"full_s\":%.3f,"
                                + "\"max_ui_stall_ms\":%.1f}",
                        json(name), json(vm.status().modelNameProperty().get()),
                        json(vm.status().backendProperty().get().replace("backend: ", "")), ZOOM,
                        (int) v.viewW(), (int) v.viewH(), t.tiles(), t.firstTileSeconds(), t.fullSeconds(),
                        viewer.stalls().worstMillis()));
                watchdog.interrupt();
                exit.accept(0);
            });
            viewer.stalls().reset();
            vm.viewport().setZoom(ZOOM);
        }));
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void fail(String why, IntConsumer exit) {
        System.out.println("{\"smoke\":\"failed\",\"error\":\"" + json(why) + "\"}");
        exit.accept(1);
    }
}
