package org.liifviewer.training.data;

import org.liifviewer.training.graph.QueryPlan;
import org.liifviewer.training.graph.QueryPlanner;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares batches on background threads, {@code prefetch} batches ahead, and hands them out in order: the content
 * of batch {@code i} is fixed by the stream, so thread timing never changes what training sees.
 */
public final class BatchLoader implements AutoCloseable {

    private final SampleSource stream;
    private final QueryPlanner planner;
    private final int batchSize;
    private final int prefetch;
    private final ExecutorService workers;
    private final Deque<Future<TrainingBatch>> pending = new ArrayDeque<>();
    private long nextToSubmit;

    /**
     * @param planner    plans the queries of the model being trained
     * @param firstBatch index of the first batch to deliver (0, or the resumed iteration)
     * @param threads    loader threads
     * @param prefetch   batches prepared ahead (the bound of the queue)
     */
    public BatchLoader(SampleSource stream, QueryPlanner planner, int batchSize, long firstBatch, int threads, int prefetch) {
        this.stream = stream;
        this.planner = planner;
        this.batchSize = batchSize;
        this.prefetch = prefetch;
        this.nextToSubmit = firstBatch;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "liif-batch-loader");
            t.setDaemon(true);
            return t;
        });
    }

    /** The next batch, waiting for it if the loaders are behind. */
    public TrainingBatch next() throws Exception {
        while (pending.size() < prefetch) {
            long index = nextToSubmit++;
            pending.add(workers.submit(() -> assemble(index)));
        }
        try {
            return pending.poll().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private TrainingBatch assemble(long index) throws Exception {
        TrainingSample first = null;
        float[] input = null;
        float[] target = null;
        float[] coord = null;
        float[] cell = null;
        for (int b = 0; b < batchSize; b++) {
            TrainingSample s = stream.sample(index * batchSize + b);
            if (first == null) {
                first = s;
                input = new float[batchSize * s.input().data().length];
                target = new float[batchSize * s.rgb().length];
                coord = new float[batchSize * s.coord().length];
                cell = new float[batchSize * s.cell().length];
            }
            normaliseInto(s.input().data(), input, b);
            normaliseInto(s.rgb(), target, b);
            System.arraycopy(s.coord(), 0, coord, b * s.coord().length, s.coord().length);
            System.arraycopy(s.cell(), 0, cell, b * s.cell().length, s.cell().length);
        }
        int side = first.input().height();
        QueryPlan plan = planner.plan(side, first.input().width(), batchSize, first.queries(), coord, cell);
        return new TrainingBatch(index, side, input, plan, target);
    }

    private static void normaliseInto(float[] values, float[] out, int slot) {
        int offset = slot * values.length;
        for (int i = 0; i < values.length; i++) {
            out[offset + i] = (values[i] - 0.5f) / 0.5f;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
