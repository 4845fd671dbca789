package org.liifviewer.training.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liifviewer.training.baseline.BaselineFiles;
import org.liifviewer.training.baseline.BaselineSpec;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** {@code train} runs the baselines' configs through the same trainer, checkpoints and resume as LIIF. */
class BaselineTrainTest {

    @Test
    void upsamplerX3TrainsAndResumesIdentically(@TempDir Path dir) throws Exception {
        ResumeCheck.assertResumeIdentical(dir, ResumeCheck.tinyConfig(3, 3, 48 * 48, "name: upsampler\n  scale: 3"));
        assertInstanceOf(BaselineSpec.Upsampler.class, BaselineFiles.load(dir.resolve("split/last.safetensors")).spec());
    }

    @Test
    void metaSrTrainsAndResumesIdentically(@TempDir Path dir) throws Exception {
        ResumeCheck.assertResumeIdentical(dir, ResumeCheck.tinyConfig(1, 4, 64, "name: metasr"));
        assertInstanceOf(BaselineSpec.MetaSr.class, BaselineFiles.load(dir.resolve("split/last.safetensors")).spec());
    }
}
