package org.liifviewer.core.encoder;

import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A square convolution with bias, stride 1 and zero padding that keeps the size (PyTorch {@code padding=k//2}),
 * on channels-last (NHWC) activations with the official (out, in, kh, kw) weights.
 */
public final class Conv2d {

    private final INDArray weight;
    private final INDArray bias;
    private final Conv2DConfig config;

    /** Reads {@code <name>.weight} (out, in, k, k) and {@code <name>.bias} (out). */
    public Conv2d(Weights w, String name, int in, int out, int k) throws ModelFormatException {
        Tensor wt = w.get(name + ".weight", out, in, k, k);
        Tensor bt = w.get(name + ".bias", out);
        this.weight = Nd4j.create(wt.data(), new long[] {out, in, k, k}, 'c');
        this.bias = Nd4j.create(bt.data(), new long[] {out}, 'c');
        this.config = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(k / 2).pW(k / 2).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.OIYX).build();
    }

    /** Applies the convolution to an (N, H, W, in) batch (channels last: faster with oneDNN here). */
    public INDArray apply(INDArray x) {
        return Nd4j.cnn().conv2d(x, weight, bias, config);
    }

    /**
     * Applies the convolution to an (N, H, W, in) batch, writing the (N, H, W, out) result into {@code out}, an
     * array of that shape that is not {@code x}. Reusing outputs spares the allocator: a fresh array per layer
     * made the encoder several times slower than its convolutions (freshly mapped, zeroed pages each time).
     */
    public void applyInto(INDArray x, INDArray out) {
        Nd4j.exec(new Conv2D(new INDArray[] {x, weight, bias}, new INDArray[] {out}, config));
    }
}
