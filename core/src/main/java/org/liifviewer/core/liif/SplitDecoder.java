package org.liifviewer.core.liif;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.progress.RenderMonitor;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The fast exact LIIF decoder. The first MLP layer is linear in {@code [z, rel_coord, rel_cell]}, so its
 * latent part {@code W1·z + b1} is computed once per feature pixel (with feature unfolding it is a 3x3
 * convolution of the feature map); each query member then adds only its four coordinate columns, and the
 * remaining layers run as large GEMMs into reused buffers. Equal to {@link ReferenceDecoder} up to float
 * rounding.
 */
public final class SplitDecoder implements QueryDecoder {

    /** Queries per GEMM batch: large enough to amortise per-op overhead, small enough for the cache. */
    public static final int DEFAULT_CHUNK = 16384;

    private final LiifSpec spec;
    private final Mlp mlp;
    private final int chunk;
    private final int width;
    private final INDArray kernel;
    private final INDArray bias;
    private final Conv2DConfig conv;
    private final FirstLayer firstLayer;
    /** Decoding buffers (~270 MB for the full-size model), reused by whichever thread decodes next. */
    private final ConcurrentLinkedQueue<Scratch> idleScratch = new ConcurrentLinkedQueue<>();

    public SplitDecoder(LiifSpec spec, Mlp mlp) {
        this(spec, mlp, DEFAULT_CHUNK);
    }

    public SplitDecoder(LiifSpec spec, Mlp mlp, int chunk) {
        this(spec, mlp, chunk, !Nd4jFirstLayer.hostBackend());
    }

    /**
     * @param deviceFirstLayer compute the first layer with ND4J operations (on the backend's device) instead of
     *                         in Java: chosen automatically for non-CPU backends such as CUDA
     */
    SplitDecoder(LiifSpec spec, Mlp mlp, int chunk, boolean deviceFirstLayer) {
        this.spec = spec;
        this.mlp = mlp;
        this.chunk = chunk;
        INDArray w1 = mlp.weight(0);                        // (in, out)
        this.width = (int) w1.size(1);
        int channels = spec.encoder().outChannels();
        int k = spec.featUnfold() ? 3 : 1;
        int latent = spec.latentDim();
        this.kernel = w1.get(NDArrayIndex.interval(0, latent), NDArrayIndex.all()).transpose()
                .dup('c').reshape('c', width, channels, k, k);
        this.bias = mlp.bias(0).reshape(width).dup();
        this.conv = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(k / 2).pW(k / 2).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.OIYX).build();
        int coordinateInputs = spec.cellDecode() ? 4 : 2;
        INDArray coordinateWeights = w1.get(NDArrayIndex.interval(latent, latent + coordinateInputs), NDArrayIndex.all())
                .dup('c');
        boolean relu = mlp.layers() > 1;
        if (deviceFirstLayer) {
            this.firstLayer = new Nd4jFirstLayer(coordinateWeights, relu);
        } else {
            float[][] columns = new float[coordinateInputs][];
            for (int i = 0; i < coordinateInputs; i++) {
                columns[i] = coordinateWeights.getRow(i).toFloatVector();
            }
            this.firstLayer = new JavaFirstLayer(columns, relu);
        }
        idleScratch.add(new Scratch());       // allocated with the model, not on the first render
    }

    /** Width of the first layer: the length of each latent code's projection vector. */
    public int projectionWidth() {
        return width;
    }

    /**
     * The first-layer projections {@code W1·z + b1} of every feature pixel, pixel-major
     * ({@code [(y * w + x) * projectionWidth() + j]}); zero padding at the map's border as in unfolding.
     */
    public float[] project(FeatureMap f) {
        INDArray planar = Nd4j.create(f.data(), new long[] {1, f.channels(), f.height(), f.width()}, 'c');
        return project(planar.permute(0, 2, 3, 1).dup('c'));
    }

    /** {@link #project(FeatureMap)} of a channels-last (1, H, W, C) feature array. */
    public float[] project(INDArray channelsLast) {
        INDArray projected = Nd4j.cnn().conv2d(channelsLast, kernel, bias, conv);         // (1, H, W, width)
        float[] values = projected.data().asFloat();
        projected.close();
        return values;
    }

    @Override
    public PreparedFeatures prepare(FeatureMap f) {
        return prepare(Projections.whole(project(f), f.height(), f.width(), width));
    }

    /** Queries against projections that may be computed lazily, tile by tile. */
    public PreparedFeatures prepare(Projections projections) {
        return new Projected(projections);
    }

    /** Decoding on top of per-pixel first-layer projections. */
    private final class Projected implements PreparedFeatures {
        private final Projections proj;
        private final int h;
        private final int w;

        Projected(Projections proj) {
            this.proj = proj;
            this.h = proj.height();
            this.w = proj.width();
        }

        @Override
        public void prefetch(Axis rows, Axis cols, RenderMonitor monitor) {
            int[] b = bounds(rows, cols);
            proj.prefetch(b[0], b[1], b[2], b[3], monitor);
        }

        @Override
        public PreparedFeatures alone(Axis rows, Axis cols) {
            int[] b = bounds(rows, cols);
            return new Projected(proj.window(b[0], b[1], b[2], b[3]));
        }

        /** Feature pixels (y0, x0, y1, x1) the grid's queries may read, ensemble neighbours included. */
        private int[] bounds(Axis rows, Axis cols) {
            return new int[] {
                Math.max(0, featureIndex(rows.coord(0), h) - 1), Math.max(0, featureIndex(cols.coord(0), w) - 1),
                Math.min(h - 1, featureIndex(rows.coord(rows.count() - 1), h) + 1),
                Math.min(w - 1, featureIndex(cols.coord(cols.count() - 1), w) + 1)};
        }

        @Override
        public void decode(Queries queries, float[] out) {
            Scratch polled = idleScratch.poll();
            Scratch s = polled != null ? polled : new Scratch();
            try {
                decodeInto(s, queries, out);
            } finally {
                idleScratch.offer(s);
            }
        }

        private void decodeInto(Scratch s, Queries queries, float[] out) {
            int outDim = spec.outDim();
            float[] chunkOut = s.out;
            for (int start = 0; start < queries.count(); start += chunk) {
                int n = Math.min(chunk, queries.count() - start);
                decodeChunk(s, queries, start, n);
                System.arraycopy(chunkOut, 0, out, start * outDim, n * outDim);
            }
        }

        private void decodeChunk(Scratch s, Queries queries, int start, int n) {
            EnsembleGeometry geo = s.geo;
            System.arraycopy(queries.coordY(), start, s.coordY, 0, n);
            System.arraycopy(queries.coordX(), start, s.coordX, 0, n);
            geo.compute(s.coordY, s.coordX, n, h, w);
            int members = geo.members();
            int rows = members * n;
            firstLayer.compute(geo, windowOf(geo, members, n), queries, start, n, s.hostRows, s.input);
            INDArray x = s.input.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            INDArray pred = s.runLayers(x, rows);
            float[] p = s.pred;
            pred.data().asNioFloat().get(p, 0, rows * spec.outDim());
            geo.blend(p, spec.outDim(), n, s.out);
        }

        /** The projections covering every feature pixel this chunk reads, and their bounding box. */
        private FirstLayer.ChunkWindow windowOf(EnsembleGeometry geo, int members, int n) {
            int y0 = Integer.MAX_VALUE;
            int x0 = Integer.MAX_VALUE;
            int y1 = -1;
            int x1 = -1;
            for (int k = 0; k < members; k++) {
                for (int q = 0; q < n; q++) {
                    int i = geo.index[k * chunk + q];
                    int iy = i / w;
                    int ix = i - iy * w;
                    y0 = Math.min(y0, iy);
                    y1 = Math.max(y1, iy);
                    x0 = Math.min(x0, ix);
                    x1 = Math.max(x1, ix);
                }
            }
            return new FirstLayer.ChunkWindow(proj.view(y0, x0, y1, x1), y0, x0, y1, x1);
        }
    }

    /** The feature pixel whose centre is nearest the normalised coordinate {@code c} on an axis of {@code n}. */
    private static int featureIndex(float c, int n) {
        return (int) Math.floor((c + 1.0) * n / 2);
    }

    /** Buffers of one decoding thread, reused across chunks. */
    private final class Scratch {
        final EnsembleGeometry geo = new EnsembleGeometry(spec.localEnsemble(), chunk);
        final float[] coordY = new float[chunk];
        final float[] coordX = new float[chunk];
        final int rowsMax = geo.members() * chunk;
        final float[] pred = new float[rowsMax * spec.outDim()];
        final float[] out = new float[chunk * spec.outDim()];
        final INDArray input = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, rowsMax, width);
        final INDArray[] layerOut = new INDArray[mlp.layers()];
        final float[] hostRows = firstLayer instanceof JavaFirstLayer ? new float[rowsMax * width] : null;

        Scratch() {
            for (int i = 1; i < mlp.layers(); i++) {
                layerOut[i] = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT,
                        rowsMax, mlp.weight(i).size(1));
            }
        }

        /** Layers 2..L on the ReLU'd first-layer activations {@code x} (rows x width); returns (rows, outDim). */
        INDArray runLayers(INDArray x, int rows) {
            INDArray h = x;
            for (int i = 1; i < mlp.layers(); i++) {
                INDArray o = layerOut[i].get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
                String op = i < mlp.layers() - 1 ? "relu_layer" : "xw_plus_b";   // x W + b (then ReLU), fused
                Nd4j.exec(DynamicCustomOp.builder(op).addInputs(h, mlp.weight(i), mlp.bias(i).reshape(-1))
                        .addOutputs(o).build());
                h = o;
            }
            return h;
        }
    }
}
