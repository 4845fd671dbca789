package org.liifviewer.training.run;

import org.liifviewer.core.io.StopOnShutdown;
import org.liifviewer.core.model.Weights;
import org.liifviewer.training.baseline.BaselineGraph;
import org.liifviewer.training.data.BatchLoader;
import org.liifviewer.training.data.SampleSource;
import org.liifviewer.training.data.SizeVariedStream;
import org.liifviewer.training.graph.LiifGraph;
import org.liifviewer.training.graph.PixelLoss;
import org.liifviewer.training.graph.TrainableGraph;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code liif train}: trains the model (LIIF, LIIF-GAN or a baseline) of a YAML config (see {@code training/configs/}). Output
 * goes to an output folder: {@code last.safetensors} (with the Adam state) and {@code log.csv}. Ctrl-C saves a
 * checkpoint before the JVM exits; a resume continues the same run (weights, Adam state, iteration and data stream;
 * Adam restarts when the config's {@code loss} differs from the checkpoint's).
 */
public final class TrainCommand {

    private TrainCommand() {
    }

    /** Exit code when training stopped near the memory cap, checkpoint saved: resume in a fresh JVM. */
    public static final int EXIT_RESUME_IN_FRESH_JVM = 75;

    /**
     * Trains {@code config}'s model, continuing the run of checkpoint {@code resume} when present, and writes the
     * checkpoint and the log to {@code outDir}. Returns the exit code: 0 done, 2 when the checkpoint's model is not
     * the config's, {@link #EXIT_RESUME_IN_FRESH_JVM}.
     */
    public static int run(TrainConfig config, Optional<Path> resume, Path outDir, PrintStream out, PrintStream err)
            throws Exception {
        TrainConfig.Model model = config.model();
        PixelLoss loss = config.loss();
        boolean frozen = config.init() != null && config.init().freeze();
        TrainableGraph graph;
        AdamOptimizer adam;
        long start = 0;
        TrainingCheckpoint.State state = null;
        if (resume.isPresent()) {
            state = TrainingCheckpoint.load(resume.get());
            TrainConfig.Model saved = TrainConfig.parseModel(state.metadata().get(TrainingCheckpoint.CONFIG));
            if (!saved.architecture().equals(model.architecture())) {
                err.println("checkpoint model " + saved.architecture() + " differs from the config's "
                        + model.architecture());
                return 2;
            }
            Weights weights = state.weights();
            graph = config.gan() != null ? GanTraining.resumed(config, state)
                    : model.isLiif() ? LiifGraph.fromWeights(model.toSpec(), weights, DataType.FLOAT, loss, frozen)
                    : BaselineGraph.fromWeights(model.toBaselineSpec(), weights, DataType.FLOAT, loss);
            adam = new AdamOptimizer(graph.parameters());
            PixelLoss savedLoss = TrainConfig.parseLoss(state.metadata().get(TrainingCheckpoint.CONFIG));
            if (config.gan() != null) {
                out.println("a LIIF-GAN run resumes with fresh Adam moments and weight averages");
            } else if (state.adam().isEmpty()) {
                out.println("the checkpoint keeps no optimizer state: Adam's moments restart");
            } else if (savedLoss == loss) {
                TrainingCheckpoint.AdamState kept = state.adam().get();
                adam.restore(graph.toGraph(kept.firstMoments()), graph.toGraph(kept.secondMoments()), kept.steps());
            } else {   // the moments are statistics of the other loss's gradients
                out.println("the loss changes from " + savedLoss + " to " + loss + ": Adam's moments restart");
            }
            start = state.iteration();
        } else {
            graph = config.gan() != null ? GanTraining.fresh(config)
                    : model.isLiif() ? LiifGraph.fromWeights(model.toSpec(),
                            InitialWeights.of(model.toSpec(), config.seed(), config.init()), DataType.FLOAT, loss, frozen)
                    : BaselineGraph.initialised(model.toBaselineSpec(), config.seed(), DataType.FLOAT, loss);
            if (config.init() != null) {
                out.println("tensors " + config.init().prefix() + "* from " + config.init().model()
                        + (frozen ? ", frozen" : ""));
            }
            adam = new AdamOptimizer(graph.parameters());
        }
        WeightAverage average = config.emaDecay() > 0 ? new WeightAverage(graph.parameters(), config.emaDecay()) : null;
        if (average != null && state != null && state.averages().isPresent() && config.gan() == null) {
            average.restore(graph.toGraph(state.averages().get()));
        }
        out.println(graph.describe() + ", " + graph.toWeights(graph.parameters()).parameterCount()
                + " values, " + loss + " loss; starting at iteration " + start + " of " + config.iterations()
                + (average == null ? "" : "; weight average (decay " + config.emaDecay() + ")"
                + (state != null && state.averages().isEmpty() ? " starts here" : "")));
        TrainConfig.Data data = config.data();
        SampleSource stream = data.stream(config.seed());
        out.println("data: " + describe(data, stream));
        Trainer trainer = new Trainer(config, graph, adam, average, start, outDir, out);
        try (StopOnShutdown stopOnShutdown = new StopOnShutdown(trainer::requestStop);
             BatchLoader loader = new BatchLoader(stream, graph.planner(), data.batchSize(), start, data.loaderThreads(),
                     data.prefetch())) {
            trainer.run(loader);
        }
        return trainer.stoppedForMemory() ? EXIT_RESUME_IN_FRESH_JVM : 0;
    }

    private static String describe(TrainConfig.Data data, SampleSource stream) {
        if (data.sizeVaried() != null) {
            SizeVariedStream.Settings s = data.sizeVariedSettings();
            return "whole images, " + s.inputSize() + "x" + s.inputSize() + " inputs, ground truths " + s.sizeMin()
                    + " to " + s.sizeMax() + " pixels square" + (s.gtResize() > 0 ? ", resized to " + s.gtResize() : "")
                    + "; epochs of " + stream.epochSize() + " samples (repeat " + data.repeat() + ")";
        }
        int downscaled = data.imageFolders().size() - data.folders().size();
        return data.imageFolders().size() + " folders" + (downscaled > 0 ? " (" + downscaled + " down-scaled)" : "")
                + ", epochs of " + stream.epochSize() + " samples ("
                + data.sampling().name().toLowerCase(Locale.ROOT) + " sampling, repeat " + data.repeat() + ")";
    }
}
