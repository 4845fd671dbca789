package org.liifviewer.core.liif;

import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fast LM-LIIF decoder. The hyper-network's first layer is linear in the latent code, so its latent part is a
 * per-feature-pixel projection like LIIF's ({@link LatentProjection}, cached in tiles); for a run of queries with one
 * cell, the rest of the hyper-network runs once per latent code the run reads, as GEMMs ({@link ModulationTable}),
 * and only the 16-wide render MLP runs per query and ensemble member ({@link RenderMlp}), on all cores. Equal to
 * {@link ModulatedReferenceDecoder} up to float rounding.
 */
public final class ModulatedDecoder implements ProjectingDecoder {

    /** Queries per chunk: the latent codes one chunk reads get their table rows together. */
    public static final int DEFAULT_CHUNK = 16384;
    /** Queries below which a run is decoded on the calling thread alone. */
    private static final int QUERIES_PER_PART = 512;
    /**
     * Share of SIMD lanes that blocks of rows reading one latent code must fill, on average, for the render MLP to run
     * a row per lane (from about x2 zoom, where each code is read by 4 pixels x 4 ensemble members); else it runs a
     * row at a time across its hidden units.
     */
    private static final double MIN_LANE_FILL = 0.5;

    private final LiifSpec spec;
    private final LatentProjection projection;
    private final ModulationTable table;
    private final RenderMlp render;
    private final int chunk;

    /** Reads the hyper-network ({@code hypernet.layers.*}) and render MLP ({@code imnet.layers.*}) of {@code spec}. */
    public ModulatedDecoder(LiifSpec spec, Weights weights) throws ModelFormatException {
        this(spec, weights, DEFAULT_CHUNK);
    }

    ModulatedDecoder(LiifSpec spec, Weights weights, int chunk) throws ModelFormatException {
        this.spec = spec;
        this.chunk = chunk;
        Mlp hypernet = ModulatedReferenceDecoder.hypernet(spec, weights);
        Mlp renderMlp = ModulatedReferenceDecoder.render(spec, weights);
        this.projection = new LatentProjection(hypernet.weight(0), hypernet.bias(0), spec.encoder().outChannels(),
                spec.featUnfold());
        this.table = new ModulationTable(spec, hypernet, renderMlp);
        this.render = new RenderMlp(spec, renderMlp);
    }

    @Override
    public int projectionWidth() {
        return projection.width();
    }

    @Override
    public INDArray project(INDArray channelsLast) {
        return projection.project(channelsLast);
    }

    @Override
    public PreparedFeatures prepare(FeatureMap f) {
        return prepare(Projections.whole(projection.project(f), f.height(), f.width(), projection.width()));
    }

    @Override
    public PreparedFeatures prepare(Projections projections) {
        return new Modulated(projections);
    }

    /** Decoding on top of per-pixel hyper-network projections. */
    private final class Modulated extends ProjectedFeatures {

        Modulated(Projections proj) {
            super(proj);
        }

        @Override
        PreparedFeatures over(Projections window) {
            return new Modulated(window);
        }

        @Override
        public void decode(Queries queries, float[] out) {
            int start = 0;
            while (start < queries.count()) {
                int end = start + 1;
                while (end < queries.count() && end - start < chunk && sameCell(queries, start, end)) {
                    end++;
                }
                decodeRun(queries, start, end - start, out);
                start = end;
            }
        }

        /**
         * Queries {@code [start, start + n)}, all with one cell: the table rows of every latent code they may read,
         * once, then the queries in one part per core, each part with its own geometry and render.
         */
        private void decodeRun(Queries queries, int start, int n, float[] out) {
            int[] box = boundsOf(queries, start, n);
            FirstLayer.ChunkWindow window = new FirstLayer.ChunkWindow(proj.view(box[0], box[1], box[2], box[3]),
                    box[0], box[1], box[2], box[3]);
            int boxW = box[3] - box[1] + 1;
            int boxH = box[2] - box[0] + 1;
            float cellY = queries.cellY()[start] * (float) h;
            float cellX = queries.cellX()[start] * (float) w;
            float[] rows = table.rows(gather(window, boxH, boxW), boxH * boxW, cellY, cellX);
            float[] cellTerm = new float[render.width()];
            render.cellTerm(cellY, cellX, cellTerm);
            DecoderThreads.forRange(n, QUERIES_PER_PART, (from, to) ->
                    decodePart(queries, start + from, to - from, box, rows, cellTerm, out));
        }

        /** Queries {@code [start, start + n)} of a run whose table rows cover the feature box {@code box}. */
        private void decodePart(Queries queries, int start, int n, int[] box, float[] rows, float[] cellTerm,
                                float[] out) {
            EnsembleGeometry geo = new EnsembleGeometry(spec.localEnsemble(), n);
            geo.compute(java.util.Arrays.copyOfRange(queries.coordY(), start, start + n),
                    java.util.Arrays.copyOfRange(queries.coordX(), start, start + n), n, h, w);
            int boxW = box[3] - box[1] + 1;
            int[] local = new int[geo.members() * n];
            for (int r = 0; r < local.length; r++) {
                int k = r / n;
                int index = geo.index[k * geo.capacity() + (r - k * n)];
                int iy = index / w;
                local[r] = (iy - box[0]) * boxW + (index - iy * w - box[1]);
            }
            int outDim = spec.outDim();
            float[] pred = new float[local.length * outDim];
            SharedCodeBlocks blocks = SharedCodeBlocks.of(local, (box[2] - box[0] + 1) * boxW, RenderMlp.LANES.length());
            if (blocks.fill() >= MIN_LANE_FILL) {
                renderShared(blocks, geo, n, rows, cellTerm, pred);
            } else {
                renderRows(local, geo, n, rows, cellTerm, pred);
            }
            float[] blended = new float[n * outDim];
            geo.blend(pred, outDim, n, blended);
            System.arraycopy(blended, 0, out, start * outDim, n * outDim);
        }

        /** Renders member row {@code r = k * n + q} (member k, query q) alone, with the table row of its code. */
        private void renderRows(int[] local, EnsembleGeometry geo, int n, float[] rows, float[] cellTerm, float[] pred) {
            int rowWidth = table.rowWidth();
            int outDim = spec.outDim();
            float[][] scratch = render.scratch();
            for (int r = 0; r < local.length; r++) {
                int k = r / n;
                int g = k * geo.capacity() + (r - k * n);
                render.run(rows, local[r] * rowWidth, geo.relY[g], geo.relX[g], cellTerm, scratch, pred, r * outDim);
            }
        }

        /** Renders the member rows in blocks of rows that read one latent code, a row per SIMD lane. */
        private void renderShared(SharedCodeBlocks blocks, EnsembleGeometry geo, int n, float[] rows, float[] cellTerm,
                                  float[] pred) {
            int rowWidth = table.rowWidth();
            int outDim = spec.outDim();
            int lanes = RenderMlp.LANES.length();
            float[][] scratch = render.scratch();
            float[] relY = new float[lanes];
            float[] relX = new float[lanes];
            float[] result = new float[outDim * lanes];
            for (int b = 0; b < blocks.count(); b++) {
                int first = blocks.start(b);
                int size = blocks.size(b);
                for (int q = 0; q < lanes; q++) {
                    int r = blocks.row(first + Math.min(q, size - 1));    // spare lanes repeat the last row
                    int k = r / n;
                    int g = k * geo.capacity() + (r - k * n);
                    relY[q] = geo.relY[g];
                    relX[q] = geo.relX[g];
                }
                render.runShared(rows, blocks.code(b) * rowWidth, relY, relX, cellTerm, scratch, result);
                for (int q = 0; q < size; q++) {
                    int r = blocks.row(first + q);
                    for (int o = 0; o < outDim; o++) {
                        pred[r * outDim + o] = result[o * lanes + q];
                    }
                }
            }
        }

        /**
         * Feature pixels (y0, x0, y1, x1) that queries {@code [start, start + n)} may read: the nearest pixel of
         * each coordinate and its neighbours (the ensemble's), clipped to the map.
         */
        private int[] boundsOf(Queries queries, int start, int n) {
            float minY = Float.POSITIVE_INFINITY;
            float maxY = Float.NEGATIVE_INFINITY;
            float minX = Float.POSITIVE_INFINITY;
            float maxX = Float.NEGATIVE_INFINITY;
            for (int q = start; q < start + n; q++) {
                minY = Math.min(minY, queries.coordY()[q]);
                maxY = Math.max(maxY, queries.coordY()[q]);
                minX = Math.min(minX, queries.coordX()[q]);
                maxX = Math.max(maxX, queries.coordX()[q]);
            }
            return new int[] {clippedIndex(minY, h, -1), clippedIndex(minX, w, -1), clippedIndex(maxY, h, 1),
                clippedIndex(maxX, w, 1)};
        }

        /** The projections of the window's box, row-major, in one array. */
        private float[] gather(FirstLayer.ChunkWindow window, int boxH, int boxW) {
            int dim = projection.width();
            float[] box = new float[boxH * boxW * dim];
            for (int y = 0; y < boxH; y++) {
                for (int x = 0; x < boxW; x++) {
                    int fy = window.y0() + y;
                    int fx = window.x0() + x;
                    System.arraycopy(window.view().array(fy, fx), window.view().offset(fy, fx), box,
                            (y * boxW + x) * dim, dim);
                }
            }
            return box;
        }
    }

    private static boolean sameCell(Queries queries, int first, int other) {
        return Float.compare(queries.cellY()[first], queries.cellY()[other]) == 0
                && Float.compare(queries.cellX()[first], queries.cellX()[other]) == 0;
    }
}
