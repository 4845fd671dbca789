package org.liifviewer.training.run;

import org.bytedeco.javacpp.Pointer;
import org.liifviewer.training.data.BatchLoader;
import org.liifviewer.training.data.TrainingBatch;
import org.liifviewer.training.graph.TrainableGraph;
import org.liifviewer.training.graph.LossAndGradients;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The training loop: batch → loss and gradients → Adam with the step schedule; a progress line every
 * {@code log_every} iterations, one CSV row per iteration ({@code iteration,loss,lr,seconds}), a checkpoint every
 * {@code save_every} iterations, at the end, and when {@link #requestStop()} is called (e.g. from a SIGINT hook).
 */
public final class Trainer {

    private final TrainConfig config;
    private final TrainableGraph graph;
    private final AdamOptimizer adam;
    private final WeightAverage average;
    private final Path checkpoint;
    private final Path csv;
    private final PrintStream out;
    private final AtomicBoolean stop = new AtomicBoolean();
    private long iteration;
    private boolean stoppedForMemory;

    /**
     * @param average        the weights' moving average, updated after every step, or null for none
     * @param startIteration completed iterations so far (0, or the resumed checkpoint's)
     * @param outDir         where {@code last.safetensors} (weights + Adam state) and {@code log.csv} go
     */
    public Trainer(TrainConfig config, TrainableGraph graph, AdamOptimizer adam, WeightAverage average,
                   long startIteration, Path outDir, PrintStream out) {
        this.config = config;
        this.graph = graph;
        this.adam = adam;
        this.average = average;
        this.iteration = startIteration;
        this.checkpoint = outDir.resolve("last.safetensors");
        this.csv = outDir.resolve("log.csv");
        this.out = out;
    }

    /** Asks the loop to save and return after the current iteration. */
    public void requestStop() {
        stop.set(true);
    }

    /** Completed iterations. */
    public long iteration() {
        return iteration;
    }

    /**
     * True when the last {@link #run} stopped early because the process neared JavaCPP's physical-memory cap
     * ({@code org.bytedeco.javacpp.maxphysicalbytes}); the checkpoint is saved, and a fresh JVM resumes at full speed.
     */
    public boolean stoppedForMemory() {
        return stoppedForMemory;
    }

    /** Trains until {@code config.iterations()} or a stop request; returns the last loss. */
    public double run(BatchLoader loader) throws Exception {
        Files.createDirectories(checkpoint.getParent());
        boolean newLog = !Files.exists(csv);
        double loss = Double.NaN;
        double lr = config.schedule().at(iteration);
        long start = System.nanoTime();
        long startIteration = iteration;
        try (Writer log = Files.newBufferedWriter(csv, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            if (newLog) {
                log.write("iteration,loss,lr,seconds\n");
            }
            while (iteration < config.iterations() && !stop.get()) {
                long t0 = System.nanoTime();
                TrainingBatch batch = loader.next();
                lr = config.schedule().at(iteration);
                loss = step(batch, lr);
                iteration++;
                double seconds = (System.nanoTime() - t0) / 1e9;
                log.write(String.format(Locale.ROOT, "%d,%.6f,%.3e,%.3f%n", iteration, loss, lr, seconds));
                if (iteration % config.logEvery() == 0 || iteration == config.iterations()) {
                    log.flush();
                    progress(loss, lr, (System.nanoTime() - start) / 1e9 / (iteration - startIteration));
                }
                if (iteration % config.saveEvery() == 0) {
                    save(lr, loss);
                }
                if (iteration % COLLECT_EVERY == 0) {
                    System.gc();       // SameDiff's per-step arrays live off-heap and are freed only by the GC
                }
                if (nearMemoryCap()) {
                    out.printf(Locale.ROOT, "resident memory %.1f GB is near the %.1f GB cap: stopping; continue in a "
                            + "new process with --resume %s%n", Pointer.physicalBytes() / 1e9,
                            Pointer.maxPhysicalBytes() / 1e9, checkpoint);
                    stoppedForMemory = true;
                    break;
                }
            }
        }
        if (iteration % config.saveEvery() != 0 || iteration == startIteration) {
            save(lr, loss);
        }
        return loss;
    }

    /**
     * Iterations between explicit collections. The small Java heap rarely fills, so without them the off-heap
     * arrays of finished steps piled up to the physical-memory cap (12 GB after ~90 iterations of batch 8).
     */
    private static final int COLLECT_EVERY = 5;

    /** Fraction of the physical-memory cap at which the loop stops rather than risk an OutOfMemoryError. */
    private static final double MEMORY_STOP_FRACTION = 0.9;

    private static boolean nearMemoryCap() {
        long cap = Pointer.maxPhysicalBytes();
        return cap > 0 && Pointer.physicalBytes() > MEMORY_STOP_FRACTION * cap;
    }

    private double step(TrainingBatch batch, double lr) {
        int b = batch.plan().batch();
        INDArray input = Nd4j.createFromArray(batch.input()).reshape(b, 3, batch.side(), batch.side());
        INDArray target = Nd4j.createFromArray(batch.target()).reshape((long) b * batch.plan().queries(), 3);
        LossAndGradients result = graph.lossAndGradients(input, batch.plan(), target);
        adam.step(result.gradients(), lr);
        if (average != null) {
            average.update();
        }
        return result.loss();
    }

    private void progress(double loss, double lr, double secondsPerIteration) {
        long left = config.iterations() - iteration;
        long eta = Math.round(left * secondsPerIteration);
        out.printf(Locale.ROOT, "it %d/%d  loss %.5f  lr %.2e  %.3f it/s  %.2f s/it  ETA %dd %02dh %02dm  "
                        + "resident %.1f GB%n",
                iteration, config.iterations(), loss, lr, 1 / secondsPerIteration, secondsPerIteration,
                eta / 86400, eta / 3600 % 24, eta / 60 % 60, Pointer.physicalBytes() / 1e9);
    }

    private void save(double lr, double loss) throws IOException {
        TrainingCheckpoint.save(checkpoint, graph, adam, average, iteration, config, lr, loss);
        out.println("saved " + checkpoint + " at iteration " + iteration);
    }
}
