package org.liifviewer.training.run;

import org.liifviewer.training.Shared;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.image.PillowBicubic;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.training.graph.LiifGraph;
import org.liifviewer.training.graph.PixelLoss;
import org.liifviewer.training.graph.QueryPlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny LIIF learns one 48x48 crop at x2 (all 2304 HR pixels as queries) to high PSNR: the whole loop works. */
@Tag("heavy")
class OverfitTest {

    private static final double TARGET_PSNR = 35;
    private static final int MAX_ITERATIONS = 3000;

    @Test
    void tinyModelOverfitsOneCrop() throws Exception {
        FloatImage hr = ImageFiles.read(Shared.path("data/Set5/HR/baby.png")).rgb().crop(200, 240, 48, 48);
        FloatImage lr = PillowBicubic.resize(hr, 24, 24);
        LiifSpec spec = new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 2, 16, 1f), new int[]{64, 64}, 3,
                true, true, true);
        LiifGraph graph = LiifGraph.initialised(spec, 1, DataType.FLOAT, PixelLoss.L1);
        AdamOptimizer adam = new AdamOptimizer(graph.parameters());

        float[] coord = new float[48 * 48 * 2];
        float[] cell = new float[48 * 48 * 2];
        float[] target = new float[48 * 48 * 3];
        for (int p = 0; p < 48 * 48; p++) {
            coord[2 * p] = QueryPlan.centre(p / 48, 48);
            coord[2 * p + 1] = QueryPlan.centre(p % 48, 48);
            cell[2 * p] = 2f / 48;
            cell[2 * p + 1] = 2f / 48;
            for (int c = 0; c < 3; c++) {
                target[3 * p + c] = hr.data()[c * 48 * 48 + p];
            }
        }
        QueryPlan plan = QueryPlan.of(spec, 24, 24, 1, 48 * 48, coord, cell);
        INDArray input = Nd4j.createFromArray(lr.data()).reshape(1, 3, 24, 24).sub(0.5f).div(0.5f);
        INDArray rgb = Nd4j.createFromArray(target).reshape(48 * 48, 3);
        INDArray normalisedTarget = rgb.sub(0.5f).div(0.5f);

        double psnr = 0;
        int iteration = 0;
        long start = System.nanoTime();
        while (iteration < MAX_ITERATIONS && psnr <= TARGET_PSNR) {
            adam.step(graph.lossAndGradients(input, plan, normalisedTarget).gradients(), 1e-3);
            iteration++;
            if (iteration % 20 == 0) {
                INDArray prediction = graph.predict(input, plan).reshape(48 * 48, 3).mul(0.5f).add(0.5f);
                double mse = Transforms.pow(Transforms.min(Transforms.max(prediction, 0), 1).sub(rgb), 2)
                        .meanNumber().doubleValue();
                psnr = -10 * Math.log10(mse);
                System.out.printf("overfit: iteration %d PSNR %.2f dB%n", iteration, psnr);
            }
        }
        System.out.printf("overfit: reached %.2f dB after %d iterations, %.1f ms/iteration%n", psnr, iteration,
                (System.nanoTime() - start) / 1e6 / iteration);
        assertTrue(psnr > TARGET_PSNR, "PSNR " + psnr + " after " + iteration + " iterations");
    }
}
