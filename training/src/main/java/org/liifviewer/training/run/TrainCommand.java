package org.liifviewer.training.run;

import org.liifviewer.core.backend.NativeThreads;
import org.liifviewer.core.io.StopOnShutdown;
import org.liifviewer.core.model.Weights;
import org.liifviewer.training.baseline.BaselineGraph;
import org.liifviewer.training.data.BatchLoader;
import org.liifviewer.training.data.ImageFolders;
import org.liifviewer.training.data.ImplicitSampler;
import org.liifviewer.training.data.TrainingStream;
import org.liifviewer.training.graph.LiifGraph;
import org.liifviewer.training.graph.PixelLoss;
import org.liifviewer.training.graph.TrainableGraph;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code train CONFIG [--resume FILE] [--iterations N] [--out DIR]}: trains the model (LIIF or a baseline) of a YAML config
 * (see {@code training/configs/}). Output goes to {@code DIR} (default {@code runs/<name>}): {@code last.safetensors}
 * (with the Adam state) and {@code log.csv}. Ctrl-C saves a checkpoint before the JVM exits; {@code --resume} continues
 * the same run (weights, Adam state, iteration and data stream; Adam restarts when the config's {@code loss} differs
 * from the checkpoint's). {@code --iterations} overrides the total.
 */
public final class TrainCommand {

    private TrainCommand() {
    }

    public static void main(String[] args) throws Exception {
        NativeThreads.configure();
        System.exit(run(args, System.out, System.err));
    }

    /** Exit code when training stopped near the memory cap, checkpoint saved: resume in a fresh JVM. */
    public static final int EXIT_RESUME_IN_FRESH_JVM = 75;

    /**
     * Runs the command; returns the exit code (0 done, 2 usage error, {@link #EXIT_RESUME_IN_FRESH_JVM}). Accepts an
     * optional leading "train".
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        int i = args.length > 0 && args[0].equals("train") ? 1 : 0;
        if (i >= args.length || args[i].startsWith("--")) {
            err.println("usage: train CONFIG [--resume FILE] [--iterations N] [--out DIR]");
            return 2;
        }
        TrainConfig config = TrainConfig.read(Path.of(args[i++]));
        Path resume = null;
        Path outDir = null;
        for (; i < args.length; i++) {
            if (i + 1 >= args.length) {
                err.println("missing value after " + args[i]);
                return 2;
            }
            switch (args[i]) {
                case "--resume" -> resume = Path.of(args[++i]);
                case "--iterations" -> config = config.withIterations(Long.parseLong(args[++i]));
                case "--out" -> outDir = Path.of(args[++i]);
                default -> {
                    err.println("unknown option " + args[i]);
                    return 2;
                }
            }
        }
        outDir = outDir != null ? outDir : Path.of("runs", config.name());
        TrainConfig.Model model = config.model();
        PixelLoss loss = config.loss();
        boolean frozen = config.init() != null && config.init().freeze();
        TrainableGraph graph;
        AdamOptimizer adam;
        long start = 0;
        TrainingCheckpoint.State state = null;
        if (resume != null) {
            state = TrainingCheckpoint.load(resume);
            TrainConfig.Model saved = TrainConfig.parseModel(state.metadata().get(TrainingCheckpoint.CONFIG));
            if (!saved.architecture().equals(model.architecture())) {
                err.println("checkpoint model " + saved.architecture() + " differs from the config's "
                        + model.architecture());
                return 2;
            }
            Weights weights = state.weights();
            graph = model.isLiif() ? LiifGraph.fromWeights(model.toSpec(), weights, DataType.FLOAT, loss, frozen)
                    : BaselineGraph.fromWeights(model.toBaselineSpec(), weights, DataType.FLOAT, loss);
            adam = new AdamOptimizer(graph.parameters());
            PixelLoss savedLoss = TrainConfig.parseLoss(state.metadata().get(TrainingCheckpoint.CONFIG));
            if (savedLoss == loss) {
                adam.restore(graph.toGraph(state.firstMoments()), graph.toGraph(state.secondMoments()),
                        state.adamSteps());
            } else {   // the moments are statistics of the other loss's gradients
                out.println("the loss changes from " + savedLoss + " to " + loss + ": Adam's moments restart");
            }
            start = state.iteration();
        } else {
            graph = model.isLiif() ? LiifGraph.fromWeights(model.toSpec(),
                            InitialWeights.of(model.toSpec(), config.seed(), config.init()), DataType.FLOAT, loss, frozen)
                    : BaselineGraph.initialised(model.toBaselineSpec(), config.seed(), DataType.FLOAT, loss);
            if (config.init() != null) {
                out.println("tensors " + config.init().prefix() + "* from " + config.init().model()
                        + (frozen ? ", frozen" : ""));
            }
            adam = new AdamOptimizer(graph.parameters());
        }
        WeightAverage average = config.emaDecay() > 0 ? new WeightAverage(graph.parameters(), config.emaDecay()) : null;
        if (average != null && state != null && state.averages().isPresent()) {
            average.restore(graph.toGraph(state.averages().get()));
        }
        out.println(graph.describe() + ", " + graph.toWeights(graph.parameters()).parameterCount()
                + " values, " + loss + " loss; starting at iteration " + start + " of " + config.iterations()
                + (average == null ? "" : "; weight average (decay " + config.emaDecay() + ")"
                + (state != null && state.averages().isEmpty() ? " starts here" : "")));
        TrainConfig.Data data = config.data();
        List<ImageFolders.Folder> folders = data.imageFolders();
        TrainingStream stream = new TrainingStream(new ImageFolders(folders, data.cache()),
                new ImplicitSampler(data.sampler()), config.seed(), data.repeat(), data.sampling());
        int downscaled = folders.size() - data.folders().size();
        out.println("data: " + folders.size() + " folders" + (downscaled > 0 ? " (" + downscaled + " down-scaled)" : "")
                + ", epochs of " + stream.epochSize() + " samples ("
                + data.sampling().name().toLowerCase(Locale.ROOT) + " sampling, repeat " + data.repeat() + ")");
        Trainer trainer = new Trainer(config, graph, adam, average, start, outDir, out);
        try (StopOnShutdown stopOnShutdown = new StopOnShutdown(trainer::requestStop);
             BatchLoader loader = new BatchLoader(stream, graph.planner(), data.batchSize(), start, data.loaderThreads(),
                     data.prefetch())) {
            trainer.run(loader);
        }
        return trainer.stoppedForMemory() ? EXIT_RESUME_IN_FRESH_JVM : 0;
    }
}
