package org.liifviewer.training.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.training.gan.LiifGanGraph;
import org.liifviewer.training.gan.PatchDiscriminator;
import org.liifviewer.training.gan.Vgg19Perceptual;
import org.liifviewer.training.graph.LiifGraph;
import org.liifviewer.training.graph.ParameterLayout;
import org.liifviewer.training.graph.PixelLoss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The model of a LIIF-GAN config ({@link TrainConfig.Gan}), fresh or as a checkpoint left it. */
final class GanTraining {

    private GanTraining() {
    }

    /**
     * A fresh run: decoder 1 and the encoder from {@code init} (and the seed), decoder 2 drawn from the seed with its
     * output layer at zero, the discriminator drawn from the seed.
     */
    static LiifGanGraph fresh(TrainConfig config) throws IOException {
        TrainConfig.Gan gan = config.gan();
        LiifSpec firstSpec = config.model().toSpec();
        Weights first = InitialWeights.of(firstSpec, config.seed(), config.init());
        Weights second = null;
        if (gan.twoDecoders()) {
            LiifSpec secondSpec = gan.secondSpec(firstSpec);
            Map<String, Tensor> drawn = new LinkedHashMap<>(ParameterLayout.of(secondSpec)
                    .initialWeights(config.seed() + 1).asMap());
            first.asMap().forEach((name, t) -> {
                if (name.startsWith("encoder.")) {
                    drawn.put(name, t);
                }
            });
            String output = "imnet.layers." + 2 * secondSpec.hidden().length;
            for (String name : new String[] {output + ".weight", output + ".bias"}) {
                drawn.put(name, new Tensor(drawn.get(name).shape(), new float[drawn.get(name).data().length]));
            }
            second = new Weights(drawn);
        }
        return graph(config, first, second,
                PatchDiscriminator.initialParameters(gan.discriminator(), config.seed() + 2, DataType.FLOAT));
    }

    /**
     * The run a checkpoint of {@link LiifGanGraph#save} holds (its model and its discriminator; a new discriminator
     * from the seed when the checkpoint keeps none).
     */
    static LiifGanGraph resumed(TrainConfig config, TrainingCheckpoint.State state) throws IOException {
        Map<String, INDArray> discriminator = new LinkedHashMap<>();
        LiifGanGraph.discriminatorOf(state.trainingState()).asMap().forEach((name, t) -> discriminator.put(name,
                Nd4j.createFromArray(t.data()).reshape('c', t.shape()).dup('c')));
        Map<String, long[]> expected = PatchDiscriminator.parameterShapes(config.gan().discriminator());
        if (discriminator.isEmpty()) {
            // a checkpoint kept before weights-only copies kept the discriminator: it restarts, drawn from the seed
            discriminator.putAll(PatchDiscriminator.initialParameters(config.gan().discriminator(),
                    config.seed() + 2, DataType.FLOAT));
        } else if (!discriminator.keySet().equals(expected.keySet())) {
            throw new IOException("the checkpoint's discriminator is not the config's (" + discriminator.keySet()
                    + ")");
        }
        Weights weights = state.weights();
        return graph(config, DetailDecoder.baseWeightsOf(weights),
                config.gan().twoDecoders() ? DetailDecoder.weightsOf(weights) : null, discriminator);
    }

    private static LiifGanGraph graph(TrainConfig config, Weights first, Weights second,
                                      Map<String, INDArray> discriminatorParameters) throws IOException {
        TrainConfig.Gan gan = config.gan();
        LiifSpec firstSpec = config.model().toSpec();
        LiifGraph firstGraph = LiifGraph.fromWeights(firstSpec, first, DataType.FLOAT, PixelLoss.L1, true);
        LiifGraph secondGraph = null;
        LiifSpec modelSpec = firstSpec;
        if (second != null) {
            LiifSpec secondSpec = gan.secondSpec(firstSpec);
            secondGraph = LiifGraph.fromWeights(secondSpec, second, DataType.FLOAT, PixelLoss.L1, true);
            modelSpec = firstSpec.withDetail(new DetailDecoder(secondSpec, FeatureLayer.LAST, 1f));
        }
        PatchDiscriminator discriminator = new PatchDiscriminator(discriminatorParameters, gan.adversarial(),
                gan.adversarialWeight(), gan.matchingWeight());
        Vgg19Perceptual vgg = gan.vgg19() == null ? null : Vgg19Perceptual.load(Path.of(gan.vgg19()), DataType.FLOAT);
        String perceptual = "feature matching on the discriminator's hidden layers (weight " + gan.matchingWeight()
                + ")" + (vgg == null ? ", no pretrained network" : " and VGG19 conv5_4 features of "
                + Path.of(gan.vgg19()).getFileName() + " (weight " + gan.vggWeight() + ")");
        return new LiifGanGraph(modelSpec, firstGraph, secondGraph, gan.freezeFirst(), discriminator,
                gan.pixelWeight(), gan.detailPixelWeight(), gan.adversarialWeight(), gan.matchingWeight(), vgg,
                gan.vggWeight(), perceptual);
    }
}
