package org.liifviewer.training.baseline;

import org.liifviewer.training.Shared;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.image.PillowBicubic;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.training.graph.PixelLoss;
import org.liifviewer.training.graph.QueryPlan;
import org.liifviewer.training.run.AdamOptimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny EDSR-x2 and a tiny MetaSR each learn one 48x48 crop at x2 (all HR pixels as queries) to high PSNR. */
@Tag("heavy")
class BaselineOverfitTest {

    private static final double TARGET_PSNR = 32;
    private static final int MAX_ITERATIONS = 2000;
    private static final EncoderSpec.Edsr ENCODER = new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f);

    @Test
    void upsamplerX2OverfitsOneCrop() throws Exception {
        overfit(new BaselineSpec.Upsampler(ENCODER, 2));
    }

    @Test
    void metaSrOverfitsOneCrop() throws Exception {
        overfit(new BaselineSpec.MetaSr(ENCODER));
    }

    private static void overfit(BaselineSpec spec) throws Exception {
        FloatImage hr = ImageFiles.read(Shared.path("data/Set5/HR/baby.png")).rgb().crop(200, 240, 48, 48);
        FloatImage lr = PillowBicubic.resize(hr, 24, 24);
        BaselineGraph graph = BaselineGraph.initialised(spec, 1, DataType.FLOAT, PixelLoss.L1);
        AdamOptimizer adam = new AdamOptimizer(graph.parameters());
        QueryPlan plan = graph.planner().plan(24, 24, 1, 48 * 48, BaselineGraphTest.grid(1, 48, 48),
                BaselineGraphTest.cells(1, 48, 48));
        INDArray input = Nd4j.createFromArray(lr.data()).reshape(1, 3, 24, 24).sub(0.5f).div(0.5f);
        INDArray target = Nd4j.createFromArray(hr.data()).reshape(3, 48 * 48).transpose().dup('c').sub(0.5f).div(0.5f);
        double psnr = 0;
        int iteration = 0;
        long start = System.nanoTime();
        while (iteration < MAX_ITERATIONS && psnr <= TARGET_PSNR) {
            adam.step(graph.lossAndGradients(input, plan, target).gradients(), 1e-3);
            iteration++;
            if (iteration % 20 == 0) {
                INDArray rgb = Transforms.min(Transforms.max(graph.predict(input, plan).reshape(48 * 48, 3)
                        .mul(0.5f).add(0.5f), 0f), 1f);
                INDArray gt = target.mul(0.5f).add(0.5f);
                double mse = Transforms.pow(rgb.sub(gt), 2).meanNumber().doubleValue();
                psnr = -10 * Math.log10(mse);
            }
        }
        System.out.printf("%s overfit: %.2f dB after %d iterations (%.1f s)%n", spec.describe(), psnr, iteration,
                (System.nanoTime() - start) / 1e9);
        assertTrue(psnr > TARGET_PSNR, spec.describe() + ": " + psnr + " dB after " + iteration + " iterations");
    }
}
