package org.liifviewer.training.graph;

import java.util.Arrays;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The 3x3 convolutions of torchvision's VGG {@code features}, read from its state_dict and checked to chain. */
public final class VggFeatures {

    private VggFeatures() {
    }

    /**
     * Each convolution's weight (out, in, 3, 3) and bias, as {@code type} arrays, for the state_dict indices
     * {@code convs} (e.g. VGG19's 0, 2, 5, ...).
     *
     * @param network the network's name, for messages (VGG16, VGG19)
     * @throws ModelFormatException naming the first missing or misshaped tensor
     */
    public static INDArray[][] read(Weights weights, int[] convs, String network, DataType type)
            throws ModelFormatException {
        INDArray[][] layers = new INDArray[convs.length][];
        long in = 3;
        for (int i = 0; i < convs.length; i++) {
            String name = "features." + convs[i];
            Tensor w = weights.get(name + ".weight");
            if (w.rank() != 4 || w.dim(1) != in || w.dim(2) != 3 || w.dim(3) != 3) {
                throw new ModelFormatException("not " + network + "'s features: '" + name + ".weight' has shape "
                        + Arrays.toString(w.shape()) + ", expected [out, " + in + ", 3, 3]");
            }
            layers[i] = new INDArray[] {array(w, type), array(weights.get(name + ".bias", w.dim(0)), type)};
            in = w.dim(0);
        }
        return layers;
    }

    /** A tensor as a fresh {@code type} array of its shape. */
    public static INDArray array(Tensor t, DataType type) {
        return Nd4j.createFromArray(t.data()).reshape('c', t.shape()).castTo(type).dup('c');
    }
}
