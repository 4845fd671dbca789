package org.liifviewer.core.liif;

import static org.liifviewer.core.liif.SmallGoldenTest.assertMaxAbs;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.golden.GoldenData;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.LiifModel;

/** The full-size official checkpoint (storages tagged cuda:0) imports and predicts like the official code. */
class FullSizeGoldenTest {

    @Test
    void importedCheckpointReproducesTheOfficialPrediction() throws Exception {
        LiifModelFile file = ModelFiles.load(GoldenData.root().resolve("fullsize-edsr-baseline-liif/edsr-baseline-liif.pth"));
        GoldenData data = GoldenData.open("fullsize-edsr-baseline-liif/data");
        long[] shape = data.shape("inp_img");
        FloatImage inp = new FloatImage(3, (int) shape[2], (int) shape[3], data.floats("inp_img"));
        LiifModel model = new LiifModel(file.spec(), file.weights());
        assertMaxAbs(data.floats("feat"), model.encoder().encode(inp).data(), 1e-4, "features");

        float[] coord = data.floats("coord");
        float[] cell = data.floats("cell");
        int q = coord.length / 2;
        Queries queries = Queries.allocate(q);
        for (int i = 0; i < q; i++) {
            queries.coordY()[i] = coord[2 * i];
            queries.coordX()[i] = coord[2 * i + 1];
            queries.cellY()[i] = cell[2 * i];
            queries.cellX()[i] = cell[2 * i + 1];
        }
        float[] pred = new float[3 * q];
        model.encode(inp).features().decode(queries, pred);
        assertMaxAbs(data.floats("pred"), pred, 1e-4, "predictions");

        long[] img = data.shape("img");
        FloatImage rendered = model.encode(inp).render((int) img[1], (int) img[2], RenderMonitor.NONE);
        assertMaxAbs(data.floats("img"), rendered.data(), 1e-4, "rendered image");
    }
}
