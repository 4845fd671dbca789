package org.liifviewer.core.encoder;

import java.util.ArrayList;
import java.util.List;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RDN without up-sampler: two shallow convs, D residual dense blocks (C densely connected conv+ReLU layers,
 * 1x1 local fusion, local skip), global fusion of all block outputs (1x1 then 3x3) plus the first conv's output.
 */
final class RdnEncoder extends NetworkEncoder {

    private final Conv2d sfe1;
    private final Conv2d sfe2;
    private final List<Conv2d[]> blockConvs = new ArrayList<>();
    private final List<Conv2d> localFusion = new ArrayList<>();
    private final Conv2d globalFusion1x1;
    private final Conv2d globalFusion3x3;

    RdnEncoder(EncoderSpec.Rdn spec, Weights w) throws ModelFormatException {
        super(spec.receptiveRadius());
        int g0 = spec.g0();
        int g = spec.g();
        sfe1 = new Conv2d(w, "encoder.SFENet1", 3, g0, 3);
        sfe2 = new Conv2d(w, "encoder.SFENet2", g0, g0, 3);
        for (int i = 0; i < spec.d(); i++) {
            Conv2d[] convs = new Conv2d[spec.c()];
            for (int c = 0; c < spec.c(); c++) {
                convs[c] = new Conv2d(w, "encoder.RDBs." + i + ".convs." + c + ".conv.0", g0 + c * g, g, 3);
            }
            blockConvs.add(convs);
            localFusion.add(new Conv2d(w, "encoder.RDBs." + i + ".LFF", g0 + spec.c() * g, g0, 1));
        }
        globalFusion1x1 = new Conv2d(w, "encoder.GFF.0", spec.d() * g0, g0, 1);
        globalFusion3x3 = new Conv2d(w, "encoder.GFF.1", g0, g0, 3);
    }

    @Override
    INDArray forward(INDArray x, Runnable betweenLayers) {
        INDArray f1 = sfe1.apply(x);
        INDArray first = null;
        INDArray[] outs = new INDArray[blockConvs.size()];
        try {
            first = sfe2.apply(f1);
            INDArray h = first;
            for (int i = 0; i < outs.length; i++) {
                betweenLayers.run();
                h = denseBlock(i, h);
                outs[i] = h;
            }
            betweenLayers.run();
            INDArray all = Nd4j.concat(3, outs);
            closeAll(outs);                               // off-heap memory back at once, not at the next GC
            INDArray fused = globalFusion1x1.apply(all);
            all.close();
            INDArray out = globalFusion3x3.apply(fused).addi(f1);
            fused.close();
            return out;
        } finally {
            closeAll(outs);
            if (first != null) {
                first.close();
            }
            f1.close();
        }
    }

    /** Residual dense block {@code i}: densely connected conv+ReLU layers, 1x1 local fusion, local skip. */
    private INDArray denseBlock(int i, INDArray h) {
        INDArray cur = h;
        for (Conv2d conv : blockConvs.get(i)) {
            INDArray grown = Transforms.relu(conv.apply(cur), false);
            INDArray next = Nd4j.concat(3, cur, grown);
            grown.close();
            if (cur != h) {
                cur.close();
            }
            cur = next;
        }
        INDArray out = localFusion.get(i).apply(cur).addi(h);
        cur.close();
        return out;
    }

    /** Closes the arrays not closed yet and forgets them. */
    private static void closeAll(INDArray[] arrays) {
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] != null) {
                arrays[i].close();
                arrays[i] = null;
            }
        }
    }
}
