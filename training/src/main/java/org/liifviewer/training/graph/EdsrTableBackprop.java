package org.liifviewer.training.graph;

import org.liifviewer.core.model.EncoderSpec;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LIIF's table stage for an EDSR encoder (head conv, residual blocks, body conv, global skip, then the first MLP
 * layer's latent columns as a 3x3 convolution) with a hand-written backward pass over the activations its forward
 * kept. SameDiff's gradient pass recomputes a graph's forward, so the split graph computed the encoder twice per
 * step; this computes it once. Activations are channels-last (NHWC), where a (B, H, W, width) table is already
 * (B·H·W, width) rows. Kernels run as (k, k, in, out): M2.1's weight gradient for (out, in, k, k) is wrong.
 */
final class EdsrTableBackprop implements SplitGraph.TableBackprop {

    private static final String LATENT_KERNEL = ParameterLayout.FIRST_LAYER_LATENT;

    private final Map<String, INDArray> parameters;
    private final int blocks;
    private final float resScale;
    private final int width;
    private final int features;
    /** The last forward's activations: each convolution's input by parameter prefix (each array once). */
    private final Map<String, INDArray> inputs = new LinkedHashMap<>();
    /** Zero gradients of the encoder's parameters when it is frozen (else null). */
    private final Map<String, INDArray> frozenGradients;

    /**
     * @param parameters the trainable arrays by name (official names, (out, in, k, k) kernels, the latent columns of
     *                   the first layer as {@link ParameterLayout#FIRST_LAYER_LATENT}); read on every forward
     * @param frozen     whether the encoder is fixed: its gradients are then zero and its backward pass is skipped
     */
    EdsrTableBackprop(EncoderSpec.Edsr spec, Map<String, INDArray> parameters, boolean frozen) {
        this.parameters = parameters;
        this.frozenGradients = frozen ? zerosOfEncoder(parameters) : null;
        this.blocks = spec.nResblocks();
        this.resScale = spec.resScale();
        this.features = spec.nFeats();
        this.width = (int) parameters.get(LATENT_KERNEL).size(0);
    }

    @Override
    public INDArray forward(INDArray input) {
        release();
        INDArray x = input.permute(0, 2, 3, 1).dup('c');
        INDArray head = conv(x, "encoder.head.0");
        INDArray residual = head;
        for (int i = 0; i < blocks; i++) {
            String block = "encoder.body." + i + ".body.";
            INDArray branch = conv(Transforms.relu(conv(residual, block + "0"), false), block + "2");
            if (resScale != 1f) {
                branch.muli(resScale);
            }
            residual = branch.addi(residual);
        }
        INDArray featureMap = conv(residual, "encoder.body." + blocks).addi(head);
        inputs.put(LATENT_KERNEL, featureMap);
        INDArray table = Nd4j.cnn().conv2d(featureMap, latentKernel(), config(3));
        return table.reshape(-1, width);
    }

    @Override
    public Map<String, INDArray> backward(INDArray tableGrad) {
        if (inputs.isEmpty()) {
            throw new IllegalStateException("backward without a forward");
        }
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        INDArray featureMap = inputs.get(LATENT_KERNEL);
        long[] shape = featureMap.shape();
        INDArray[] latent = convBackward(featureMap, latentKernel(), null,
                tableGrad.reshape(shape[0], shape[1], shape[2], width), 3);
        gradients.put(LATENT_KERNEL, officialKernel(latent[1]).reshape(width, (long) features * 9));
        latent[1].close();
        INDArray featureGrad = latent[0];
        if (frozenGradients != null) {
            featureGrad.close();
            release();
            gradients.putAll(frozenGradients);
            return gradients;
        }
        INDArray grad = backward("encoder.body." + blocks, featureGrad, gradients);
        for (int i = blocks - 1; i >= 0; i--) {
            String block = "encoder.body." + i + ".body.";
            INDArray branchGrad = resScale != 1f ? grad.mul(resScale) : grad;
            INDArray midGrad = backward(block + "2", branchGrad, gradients);
            if (branchGrad != grad) {
                branchGrad.close();
            }
            // the ReLU's output (the second convolution's input, not needed any more) becomes its derivative mask
            midGrad.muli(Transforms.step(inputs.get(block + "2"), false));
            INDArray inputGrad = backward(block + "0", midGrad, gradients);
            midGrad.close();
            grad.addi(inputGrad);
            inputGrad.close();
        }
        grad.addi(featureGrad);
        featureGrad.close();
        backward("encoder.head.0", grad, gradients).close();
        grad.close();
        release();
        return gradients;
    }

    /** Zero gradients for every encoder parameter of {@code parameters} (a frozen encoder's). */
    static Map<String, INDArray> zerosOfEncoder(Map<String, INDArray> parameters) {
        Map<String, INDArray> zeros = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            if (name.startsWith("encoder.")) {
                zeros.put(name, p.ulike().assign(0));
            }
        });
        return zeros;
    }

    /** Convolution {@code prefix} (weight and bias) of {@code x}, remembering {@code x} for the backward pass. */
    private INDArray conv(INDArray x, String prefix) {
        inputs.put(prefix, x);
        INDArray weight = parameters.get(prefix + ".weight");
        return Nd4j.cnn().conv2d(x, yxio(weight), parameters.get(prefix + ".bias"), config((int) weight.size(2)));
    }

    /** Puts the weight and bias gradients of convolution {@code prefix}; returns the gradient of its input. */
    private INDArray backward(String prefix, INDArray outputGrad, Map<String, INDArray> gradients) {
        INDArray weight = parameters.get(prefix + ".weight");
        INDArray bias = parameters.get(prefix + ".bias");
        INDArray[] g = convBackward(inputs.get(prefix), yxio(weight), bias, outputGrad, (int) weight.size(2));
        gradients.put(prefix + ".weight", officialKernel(g[1]));
        g[1].close();
        gradients.put(prefix + ".bias", g[2]);
        return g[0];
    }

    /** Input, (k, k, in, out) kernel and (when {@code bias} is not null) bias gradients of a convolution. */
    private static INDArray[] convBackward(INDArray input, INDArray kernel, INDArray bias, INDArray outputGrad, int k) {
        Conv2DConfig config = config(k);
        List<INDArray> in = new ArrayList<>(List.of(input, kernel));
        List<INDArray> out = new ArrayList<>(List.of(Nd4j.createUninitialized(input.dataType(), input.shape()),
                Nd4j.createUninitialized(kernel.dataType(), kernel.shape())));
        if (bias != null) {
            in.add(bias);
            out.add(Nd4j.createUninitialized(bias.dataType(), bias.shape()));
        }
        in.add(outputGrad);
        int[] arguments = Arrays.stream(new Conv2D(input, kernel, bias, config).iArgs()).mapToInt(Math::toIntExact)
                .toArray();
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(in.toArray(INDArray[]::new))
                .addOutputs(out.toArray(INDArray[]::new)).addIntegerArguments(arguments)
                .build());
        return out.toArray(INDArray[]::new);
    }

    private INDArray latentKernel() {
        return yxio(parameters.get(LATENT_KERNEL).reshape(width, features, 3, 3));
    }

    /** (out, in, k, k) → (k, k, in, out). */
    private static INDArray yxio(INDArray official) {
        return official.permute(2, 3, 1, 0).dup('c');
    }

    /** (k, k, in, out) → (out, in, k, k). */
    private static INDArray officialKernel(INDArray yxio) {
        return yxio.permute(3, 2, 0, 1).dup('c');
    }

    private static Conv2DConfig config(int k) {
        return Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(k / 2).pW(k / 2).dH(1).dW(1)
                .dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
    }

    /** Frees the kept activations at once (native memory) rather than at a later garbage collection. */
    private void release() {
        inputs.values().forEach(INDArray::close);
        inputs.clear();
    }
}
