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

    /**
     * Runs in four activation arrays that every block reuses (the head output for the global skip, the running
     * residual and two scratches); returns the output, followed by the tapped mid-layer stream's channels if any.
     */
    @Override
    INDArray forward(INDArray x, Runnable betweenLayers) {
        INDArray h = head.apply(x);
        INDArray res = h.dup();
        INDArray mid = Nd4j.createUninitialized(h.dataType(), h.shape());
        INDArray branch = Nd4j.createUninitialized(h.dataType(), h.shape());
        INDArray tap = null;
        INDArray out = null;
        try {
            for (int b = 0; b < blocks.size(); b++) {
                if (b == tapAfter) {
                    tap = res.dup();
                }
                Conv2d[] block = blocks.get(b);
                betweenLayers.run();
                block[0].applyInto(res, mid);
                Transforms.relu(mid, false);
                block[1].applyInto(mid, branch);
                if (resScale != 1f) {
                    branch.muli(resScale);
                }
                res.addi(branch);
            }
            if (tapAfter == blocks.size()) {
                tap = res.dup();
            }
            betweenLayers.run();
            tail.applyInto(res, branch);
            branch.addi(h);
            out = tap == null ? branch : Nd4j.concat(3, branch, tap);
            return out;
        } finally {
            res.close();                                   // off-heap memory back at once, not at the next GC
            mid.close();
            if (out != branch) {
                branch.close();
            }
            h.close();
            if (tap != null) {
                tap.close();
            }
        }
    }
}
