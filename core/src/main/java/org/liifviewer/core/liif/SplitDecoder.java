package org.liifviewer.core.liif;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.model.LiifSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The fast exact LIIF decoder. The first MLP layer is linear in {@code [z, rel_coord, rel_cell]}, so its
 * latent part {@code W1·z + b1} is computed once per feature pixel (with feature unfolding it is a 3x3
 * convolution of the feature map); each query member then adds only its four coordinate columns, and the
 * remaining layers run as large GEMMs into reused buffers. Equal to {@link ReferenceDecoder} up to float
 * rounding.
 */
public final class SplitDecoder implements ProjectingDecoder {

    /** Queries per GEMM batch: large enough to amortise per-op overhead, small enough for the cache. */
    public static final int DEFAULT_CHUNK = 16384;

    private final LiifSpec spec;
    private final Mlp mlp;
    private final int chunk;
    private final int width;
    private final LatentProjection projection;
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
        int latent = spec.latentDim();
        this.projection = new LatentProjection(w1, mlp.bias(0), spec.encoder().outChannels(), spec.featUnfold());
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
    @Override
    public int projectionWidth() {
        return width;
    }

    /**
     * The first-layer projections {@code W1·z + b1} of every feature pixel, pixel-major
     * ({@code [(y * w + x) * projectionWidth() + j]}); zero padding at the map's border as in unfolding.
     */
    public float[] project(FeatureMap f) {
        return projection.project(f);
    }

    @Override
    public INDArray project(INDArray channelsLast) {
        return projection.project(channelsLast);
    }

    @Override
    public PreparedFeatures prepare(FeatureMap f) {
        return prepare(Projections.whole(project(f), f.height(), f.width(), width));
    }

    @Override
    public PreparedFeatures prepare(Projections projections) {
        return new Projected(projections);
    }

    /** Decoding on top of per-pixel first-layer projections. */
    private final class Projected extends ProjectedFeatures {

        Projected(Projections proj) {
            super(proj);
        }

        @Override
        PreparedFeatures over(Projections window) {
            return new Projected(window);
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
            firstLayer.compute(geo, windowOf(geo, n), queries, start, n, s.hostRows, s.input);
            INDArray x = s.input.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            INDArray pred = s.runLayers(x, rows);
            float[] p = s.pred;
            pred.data().asNioFloat().get(p, 0, rows * spec.outDim());
            geo.blend(p, spec.outDim(), n, s.out);
        }
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
