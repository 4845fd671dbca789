package org.liifviewer.core.encoder;

import java.util.ArrayList;
import java.util.List;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * EDSR without up-sampler: head conv, residual blocks (conv, ReLU, conv, times res_scale, plus input), a body
 * conv, and the global skip from the head output. The mean-shift layers are not applied (as in the official code).
 * The 3x3 convolutions after the head run by Winograd's F(4x4, 3x3) ({@link WinogradConv3x3}, about 1.8 times
 * oneDNN's direct convolution here), equal to the direct convolution up to float rounding.
 * Optionally the residual stream after a given number of blocks (a mid-layer feature map) follows the output's
 * channels.
 */
final class EdsrEncoder extends NetworkEncoder {

    private final Conv2d head;
    private final List<WinogradConv3x3[]> blocks = new ArrayList<>();
    private final WinogradConv3x3 tail;
    private final float resScale;
    /** Blocks after which the stream is appended to the output, or -1. */
    private final int tapAfter;

    EdsrEncoder(EncoderSpec.Edsr spec, Weights w, FeatureLayer extra) throws ModelFormatException {
        super(spec.receptiveRadius());
        int f = spec.nFeats();
        head = new Conv2d(w, "encoder.head.0", 3, f, 3);
        for (int i = 0; i < spec.nResblocks(); i++) {
            String p = "encoder.body." + i + ".body.";
            blocks.add(new WinogradConv3x3[] {new WinogradConv3x3(w, p + "0", f, f), new WinogradConv3x3(w, p + "2", f, f)});
        }
        tail = new WinogradConv3x3(w, "encoder.body." + spec.nResblocks(), f, f);
        resScale = spec.resScale();
        tapAfter = extra.afterBlocks();
    }

    /**
     * Runs in three activation arrays that every block reuses (the head output for the global skip, the running
     * residual and a scratch); each block's first convolution has its ReLU and its second the residual sum fused in
     * ({@link WinogradConv3x3}); returns the output, followed by the tapped mid-layer stream's channels if any.
     */
    @Override
    INDArray forward(INDArray x, Runnable betweenLayers) {
        INDArray h = head.apply(x);
        INDArray res = h.dup();
        INDArray mid = Nd4j.createUninitialized(h.dataType(), h.shape());
        INDArray tap = null;
        INDArray out = null;
        try {
            for (int b = 0; b < blocks.size(); b++) {
                if (b == tapAfter) {
                    tap = res.dup();
                }
                WinogradConv3x3[] block = blocks.get(b);
                betweenLayers.run();
                block[0].applyReluInto(res, mid);
                block[1].applyAddInto(mid, res, resScale);
            }
            if (tapAfter == blocks.size()) {
                tap = res.dup();
            }
            betweenLayers.run();
            tail.applyAddInto(res, h, 1f);                 // the body conv plus the global skip, into h
            out = tap == null ? h : Nd4j.concat(3, h, tap);
            return out;
        } finally {
            res.close();                                   // off-heap memory back at once, not at the next GC
            mid.close();
            if (out != h) {
                h.close();
            }
            if (tap != null) {
                tap.close();
            }
        }
    }
}
