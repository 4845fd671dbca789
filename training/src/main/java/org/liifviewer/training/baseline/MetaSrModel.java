package org.liifviewer.training.baseline;

import org.liifviewer.core.encoder.Encoder;
import org.liifviewer.core.encoder.Encoders;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.training.graph.QueryPlan;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * MetaSR inference: core's encoder, then per chunk of output pixels ({@link MetaSrQuery} on the output's
 * make_coord grid with cell 2/size) the meta-upscale MLP in ND4J and the contraction of its C·9·3 weights with the
 * pixel's 3x3-unfolded feature (zero padding). Any scale.
 */
final class MetaSrModel implements SuperResolver {

    private static final int CHUNK = 4096;

    private final Encoder encoder;
    private final int dim;
    private final INDArray w0;
    private final INDArray b0;
    private final INDArray w1;
    private final INDArray b1;

    MetaSrModel(BaselineSpec.MetaSr spec, Weights weights) throws ModelFormatException {
        this.encoder = Encoders.create(spec.encoder(), weights);
        this.dim = spec.unfoldedDim();
        int hidden = BaselineSpec.META_HIDDEN;
        this.w0 = matrix(weights.get("imnet.layers.0.weight", hidden, 3));
        this.b0 = matrix(weights.get("imnet.layers.0.bias", hidden));
        this.w1 = matrix(weights.get("imnet.layers.2.weight", 3L * dim, hidden));
        this.b1 = matrix(weights.get("imnet.layers.2.bias", 3L * dim));
    }

    private static INDArray matrix(Tensor t) {
        return Nd4j.create(t.data(), t.shape(), 'c');
    }

    @Override
    public boolean supports(int scale) {
        return true;
    }

    @Override
    public FloatImage upscale(FloatImage lr, int outH, int outW) {
        int h = lr.height();
        int w = lr.width();
        INDArray featArray = encoder.encodeChannelsLast(lr);
        float[] feat = featArray.dup('c').data().asFloat();
        featArray.close();
        int channels = dim / 9;
        float cellY = (float) (2.0 / outH);
        float cellX = (float) (2.0 / outW);
        int total = outH * outW;
        FloatImage out = FloatImage.zeros(3, outH, outW);
        for (int start = 0; start < total; start += CHUNK) {
            int n = Math.min(CHUNK, total - start);
            MetaSrQuery[] queries = new MetaSrQuery[n];
            float[] input = new float[3 * n];
            for (int q = 0; q < n; q++) {
                int p = start + q;
                queries[q] = MetaSrQuery.of(QueryPlan.centre(p / outW, outH), QueryPlan.centre(p % outW, outW),
                        cellY, cellX, h, w);
                input[3 * q] = queries[q].offsetY();
                input[3 * q + 1] = queries[q].offsetX();
                input[3 * q + 2] = queries[q].inverseScale();
            }
            INDArray x = Nd4j.create(input, new long[]{n, 3}, 'c');
            INDArray hidden = Transforms.relu(x.mmul(w0.transpose()).addiRowVector(b0), false);
            float[] kernel = hidden.mmul(w1.transpose()).addiRowVector(b1).dup('c').data().asFloat();
            for (int q = 0; q < n; q++) {
                float[] rgb = contract(feat, queries[q], h, w, channels, kernel, q * dim * 3);
                for (int c = 0; c < 3; c++) {
                    out.data()[c * total + start + q] = SuperResolver.toImage(rgb[c]);
                }
            }
        }
        return out;
    }

    /** Σ_j unfolded_j · kernel[j·3 + rgb] with j = c·9 + ky·3 + kx over the 3x3 neighbourhood of (iy, ix). */
    private static float[] contract(float[] feat, MetaSrQuery query, int h, int w, int channels, float[] kernel,
                                    int offset) {
        float[] rgb = new float[3];
        for (int ky = 0; ky < 3; ky++) {
            int y = query.iy() + ky - 1;
            for (int kx = 0; kx < 3; kx++) {
                int x = query.ix() + kx - 1;
                if (y < 0 || y >= h || x < 0 || x >= w) {
                    continue;
                }
                int base = (y * w + x) * channels;
                for (int c = 0; c < channels; c++) {
                    float v = feat[base + c];
                    int k = offset + (c * 9 + ky * 3 + kx) * 3;
                    rgb[0] += v * kernel[k];
                    rgb[1] += v * kernel[k + 1];
                    rgb[2] += v * kernel[k + 2];
                }
            }
        }
        return rgb;
    }
}
