package org.liifviewer.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.app.viewmodel.CompareMode;
import org.liifviewer.app.viewmodel.TileLayer;
import org.liifviewer.core.bench.RandomWeights;
import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.render.LiifImage;
import org.liifviewer.core.render.LiifModel;
import org.testfx.api.FxRobot;

/** The realism slider of LIIF-GAN models: shown only for them, re-decoding from the cached features, remembered. */
class RealismSliderTest extends ViewerFixture {

    @TempDir
    Path dir;

    @Test
    void aLiifGanModelShowsTheSliderWhichRedecodesWithoutEncodingAgain(FxRobot robot) throws Exception {
        EncoderSpec.Edsr edsr = new EncoderSpec.Edsr("edsr-baseline", 2, 8, 1f);
        LiifSpec spec = new LiifSpec(edsr, new int[] {16}, 3, true, true, true)
                .withDetail(new DetailDecoder(new LiifSpec(edsr, new int[] {12}, 3, true, true, true),
                        FeatureLayer.LAST, 1f));
        Path gan = dir.resolve("gan.safetensors");
        ModelFiles.save(new LiifModelFile(spec, RandomWeights.of(spec, 2), Map.of()), gan);
        var vm = viewer.viewModel();
        Node slider = robot.lookup("#realismSlider").query();

        viewer.start(SAMPLE, null).get(60, TimeUnit.SECONDS);
        assertFalse(fx(() -> slider.getParent().isVisible()), "no slider for a one-decoder model");

        viewer.start(SAMPLE, gan).get(60, TimeUnit.SECONDS);
        waitFor("the slider for a LIIF-GAN model", () -> slider.getParent().isVisible());
        fx(() -> {
            vm.realism().valueProperty().set(1.0);
            vm.viewport().setZoom(1);                     // the whole image in view: nothing left to encode ahead
            return null;
        });
        TileLayer.RenderTimes first = waitForRender(vm.liifLayer(), null);
        LiifModel model = fx(() -> vm.content().modelProperty().get());
        long encoded = model.cache().misses();

        fx(() -> {
            vm.realism().valueProperty().set(0.25);
            return null;
        });
        waitForRender(vm.liifLayer(), first);
        assertEquals(encoded, model.cache().misses(), "a new realism decodes the cached feature tiles again");
        assertEquals(0.25, Preferences.userRoot().node("liif-viewer-test").getDouble("realism", -1), 1e-9,
                "the realism is remembered");

        TileLayer.RenderTimes reference = fx(() -> vm.bicubicLayer().lastRenderProperty().get());
        fx(() -> {
            vm.compareWithLiifProperty().set(true);
            vm.compareModeProperty().set(CompareMode.SIDE_BY_SIDE);
            return null;
        });
        waitForRender(vm.bicubicLayer(), reference);
        assertTrue(fx(() -> vm.bicubicLayer().image()) instanceof LiifImage, "LIIF beside LIIF-GAN, not bicubic");
        assertEquals("LIIF", fx(vm::referenceLabel));
        assertEquals("LIIF-GAN", fx(vm::renderedLabel));
        assertEquals(encoded, model.cache().misses(), "realism 0 beside it reads the same feature tiles");
        fx(() -> {
            vm.compareWithLiifProperty().set(false);
            vm.compareModeProperty().set(CompareMode.SINGLE);
            return null;
        });
    }

    /** Waits until the layer has finished a render other than {@code previous}, and returns its timings. */
    private static TileLayer.RenderTimes waitForRender(TileLayer<?> layer, TileLayer.RenderTimes previous)
            throws Exception {
        waitFor("a finished render", () -> !layer.busyProperty().get() && layer.lastRenderProperty().get() != null
                && layer.lastRenderProperty().get() != previous);
        TileLayer.RenderTimes done = fx(() -> layer.lastRenderProperty().get());
        assertTrue(done != previous);
        assertTrue(fx(layer::storedTiles) > 0);
        return done;
    }
}
