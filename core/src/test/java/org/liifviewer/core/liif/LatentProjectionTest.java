package org.liifviewer.core.liif;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The latent projection with unfolding (by Winograd at 64 channels and LM-LIIF's 208 outputs) equals the unfolded
 * codes, zero padded, times the weight's latent rows, plus the bias: the first layer as the official code computes it.
 */
class LatentProjectionTest {

    @Test
    void unfoldedProjectionEqualsTheLatentRowsTimesTheNeighbourhood() {
        int channels = 64;
        int width = 208;
        int h = 9;
        int w = 13;
        Nd4j.getRandom().setSeed(3);
        INDArray weight = Nd4j.rand(DataType.FLOAT, channels * 9 + 4, width).subi(0.5).muli(0.1);
        INDArray bias = Nd4j.rand(DataType.FLOAT, width).subi(0.5);
        INDArray features = Nd4j.rand(DataType.FLOAT, 1, h, w, channels).subi(0.5).muli(2);
        float[] got = new LatentProjection(weight, bias, channels, true).project(features).data().asFloat();
        float[][] wm = weight.toFloatMatrix();
        float[] b = bias.toFloatVector();
        float[] f = features.data().asFloat();
        double worst = 0;
        double largest = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int j = 0; j < width; j++) {
                    double sum = b[j];
                    for (int c = 0; c < channels; c++) {
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int yy = y + dy;
                                int xx = x + dx;
                                if (yy >= 0 && yy < h && xx >= 0 && xx < w) {   // unfold pads with zeros
                                    sum += f[(yy * w + xx) * channels + c] * wm[c * 9 + (dy + 1) * 3 + dx + 1][j];
                                }
                            }
                        }
                    }
                    worst = Math.max(worst, Math.abs(sum - got[(y * w + x) * width + j]));
                    largest = Math.max(largest, Math.abs(sum));
                }
            }
        }
        assertTrue(worst <= 1e-5 * largest, "max error " + worst + " of " + largest);
    }
}
