package org.liifviewer.training.run;

import org.liifviewer.training.Shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.training.baseline.BaselineFiles;
import org.liifviewer.training.baseline.BaselineSpec;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** {@code train} runs the baselines' configs through the same trainer, checkpoints and resume as LIIF. */
class BaselineTrainTest {

    private static final String CONFIG = """
            name: tiny
            data:
              folders: [SET5]
              repeat: 1
              batch_size: 2
              inp_size: 16
              scale_min: %1$s
              scale_max: %2$s
              sample_q: %3$d
              augment: true
              cache: true
              loader_threads: 1
              prefetch: 2
            model:
              %4$s
              encoder: {name: edsr-baseline, n_resblocks: 1, n_feats: 4, res_scale: 1}
            optimizer: {name: adam, lr: 1.0e-3}
            iterations: 2
            lr_schedule: {milestones: [1], gamma: 0.5}
            save_every: 10
            log_every: 1
            seed: 9
            """;

    @Test
    void upsamplerX3TrainsAndResumesIdentically(@TempDir Path dir) throws Exception {
        ResumeCheck.assertResumeIdentical(dir, config(3, 3, 48 * 48, "name: upsampler\n  scale: 3"));
        assertInstanceOf(BaselineSpec.Upsampler.class, BaselineFiles.load(dir.resolve("split/last.safetensors")).spec());
    }

    @Test
    void metaSrTrainsAndResumesIdentically(@TempDir Path dir) throws Exception {
        ResumeCheck.assertResumeIdentical(dir, config(1, 4, 64, "name: metasr"));
        assertInstanceOf(BaselineSpec.MetaSr.class, BaselineFiles.load(dir.resolve("split/last.safetensors")).spec());
    }

    private static String config(int scaleMin, int scaleMax, int queries, String model) {
        return String.format(CONFIG, scaleMin, scaleMax, queries, model)
                .replace("SET5", Shared.set5().resolve("HR").toString());
    }
}
