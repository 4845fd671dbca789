package org.liifviewer.core.encoder;

import java.util.ArrayList;
import java.util.List;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * EDSR without up-sampler: head conv, residual blocks (conv, ReLU, conv, times res_scale, plus input), a body
 * conv, and the global skip from the head output. The mean-shift layers are not applied (as in the official code).
 * Optionally the residual stream after a given number of blocks (a mid-layer feature map) follows the output's
 * channels.
 */
final class EdsrEncoder extends NetworkEncoder {

    private final Conv2d head;
    private final List<Conv2d[]> blocks = new ArrayList<>();
    private final Conv2d tail;
    private final float resScale;
    /** Blocks after which the stream is appended to the output, or -1. */
    private final int tapAfter;

    EdsrEncoder(EncoderSpec.Edsr spec, Weights w, FeatureLayer extra) throws ModelFormatException {
        super(spec.receptiveRadius());
        int f = spec.nFeats();
        head = new Conv2d(w, "encoder.head.0", 3, f, 3);
        for (int i = 0; i < spec.nResblocks(); i++) {
            String p = "encoder.body." + i + ".body.";
            blocks.add(new Conv2d[] {new Conv2d(w, p + "0", f, f, 3), new Conv2d(w, p + "2", f, f, 3)});
        }
        tail = new Conv2d(w, "encoder.body." + spec.nResblocks(), f, f, 3);
        resScale = spec.resScale();
        tapAfter = extra.afterBlocks();
    }

    @Override
    INDArray forward(INDArray x, Runnable betweenLayers) {
        INDArray h = head.apply(x);
        INDArray res = h;
        INDArray tap = null;
        try {
            for (int b = 0; b < blocks.size(); b++) {
                if (b == tapAfter) {
                    tap = res.dup();
                }
                Conv2d[] block = blocks.get(b);
                betweenLayers.run();
                INDArray mid = Transforms.relu(block[0].apply(res), false);
                INDArray r = block[1].apply(mid);
                mid.close();                              // off-heap memory back at once, not at the next GC
                if (resScale != 1f) {
                    r.muli(resScale);
                }
                r.addi(res);
                if (res != h) {
                    res.close();
                }
                res = r;
            }
            if (tapAfter == blocks.size()) {
                tap = res.dup();
            }
            betweenLayers.run();
            INDArray out = tail.apply(res).addi(h);
            if (tap == null) {
                return out;
            }
            INDArray both = Nd4j.concat(3, out, tap);
            out.close();
            return both;
        } finally {
            if (tap != null) {
                tap.close();
            }
            if (res != h) {
                res.close();
            }
            h.close();
        }
    }
}
