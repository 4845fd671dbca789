package org.liifviewer.core.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.golden.GoldenData;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Axis;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.progress.RenderMonitor;

class LiifImageTest {

    private static final LiifSpec SPEC =
            new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f), new int[] {32, 32}, 3, true, true, true);

    private static LiifImage goldenImage() throws Exception {
        LiifModel model = new LiifModel(SPEC, GoldenData.open("small-full/weights").weights());
        return model.encode(new FloatImage(3, 10, 13, GoldenData.open("small-full/data").floats("inp_img")));
    }

    @Test
    void wholeImageRenderEqualsTheOfficialDemoImage() throws Exception {
        GoldenData data = GoldenData.open("small-full/data");
        for (String set : new String[] {"grid", "x3grid"}) {
            long[] shape = data.shape(set + "_img");
            FloatImage img = goldenImage().render((int) shape[1], (int) shape[2], RenderMonitor.NONE);
            float[] expected = data.floats(set + "_img");
            float max = 0;
            for (int i = 0; i < expected.length; i++) {
                max = Math.max(max, Math.abs(expected[i] - img.data()[i]));
            }
            assertTrue(max < 1e-5, set + " max diff " + max);
        }
    }

    @Test
    void windowsOfTheGridEqualTheWholeRender() throws Exception {
        LiifImage image = goldenImage();
        FloatImage whole = image.render(29, 37, RenderMonitor.NONE);
        FloatImage tile = image.render(Axis.grid(29, 7, 11), Axis.grid(37, 20, 17), RenderMonitor.NONE);
        assertArrayEquals(whole.crop(7, 20, 11, 17).data(), tile.data());
    }

    @Test
    void aRegionSpanningTheWholeImageMatchesTheGridUpToRounding() throws Exception {
        LiifImage image = goldenImage();
        FloatImage grid = image.render(29, 37, RenderMonitor.NONE);
        FloatImage span = image.renderRegion(0, 0, 13, 10, 37, 29, RenderMonitor.NONE);
        float max = 0;
        for (int i = 0; i < grid.data().length; i++) {
            max = Math.max(max, Math.abs(grid.data()[i] - span.data()[i]));
        }
        assertTrue(max < 1e-4, "max diff " + max);
    }

    @Test
    void reportsProgressAndHonoursCancellation() throws Exception {
        LiifImage image = goldenImage();
        List<Double> fractions = new ArrayList<>();
        image.render(600, 600, new RenderMonitor() {
            @Override
            public void progress(double f) {
                fractions.add(f);
            }
        });
        assertTrue(fractions.size() > 1, "several bands expected");
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-12);
        assertThrows(CancellationException.class, () -> image.render(600, 600, new RenderMonitor() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        }));
    }
}
