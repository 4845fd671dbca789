package org.liifviewer.training.gan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.liifviewer.training.graph.LiifGraph;
import org.liifviewer.training.graph.LossAndGradients;
import org.liifviewer.training.graph.QueryPlan;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The gradients of one LIIF-GAN training step on a batch of random-group-sampled patches (Kang and Ahn, BMVC 2022).
 * With two decoders the output patch is {@code decoder 1 + decoder 2}; decoder 1 is trained by the L1 loss of its own
 * output only (or frozen), and the discriminator's adversarial and feature-matching terms reach decoder 2 only: the
 * paper's gradient blocking, here by construction, since decoder 1's gradients come from its L1 pass alone. Decoder 2
 * may also get {@code detailPixelWeight x} the L1 loss of the sum, a content term that keeps the detail it adds close
 * to the ground truth's (as the pixel term does in SRGAN and ESRGAN's generators). With one
 * decoder (LIIF-GAN-S) that decoder gets {@code pixelWeight x L1} plus the discriminator's terms. With a VGG19 file,
 * the paper's VGG19 perceptual term joins the discriminator's terms. The discriminator's own gradients come from the
 * same forward pass (a simultaneous update).
 */
public final class LiifGanStep {

    private final LiifGraph first;
    private final LiifGraph second;
    private final boolean firstFrozen;
    private final PatchDiscriminator discriminator;
    private final double pixelWeight;
    private final double detailPixelWeight;
    private final Vgg19Perceptual vgg;
    private final double vggWeight;

    /**
     * @param first         decoder 1 (with the encoder), or the only decoder
     * @param second        decoder 2, or null for one decoder
     * @param firstFrozen   whether decoder 1 is fixed (no gradients computed for it)
     * @param pixelWeight   weight of the L1 loss of the only decoder (one decoder) or of decoder 1 (two)
     */
    public LiifGanStep(LiifGraph first, LiifGraph second, boolean firstFrozen, PatchDiscriminator discriminator,
                       double pixelWeight) {
        this(first, second, firstFrozen, discriminator, pixelWeight, 0, null, 0);
    }

    /**
     * @param detailPixelWeight weight of the sum's L1 loss in decoder 2's objective (0: none)
     * @param vgg               the VGG19 perceptual term, or null for none
     * @param vggWeight         its weight
     */
    public LiifGanStep(LiifGraph first, LiifGraph second, boolean firstFrozen, PatchDiscriminator discriminator,
                       double pixelWeight, double detailPixelWeight, Vgg19Perceptual vgg, double vggWeight) {
        if (second == null && firstFrozen) {
            throw new IllegalArgumentException("a one-decoder model cannot have its only decoder frozen");
        }
        this.first = first;
        this.second = second;
        this.firstFrozen = firstFrozen;
        this.discriminator = discriminator;
        this.pixelWeight = pixelWeight;
        this.detailPixelWeight = second == null ? 0 : detailPixelWeight;
        this.vgg = vgg;
        this.vggWeight = vggWeight;
    }

    /**
     * One step's losses and gradients.
     *
     * @param pixel           decoder 1's (or the only decoder's) L1 loss
     * @param critic          the discriminator's loss
     * @param terms           the generator's adversarial and feature-matching terms
     * @param perceptual      the VGG19 perceptual term, NaN without one
     * @param detailPixel     the L1 loss of the sum of both decoders, NaN when decoder 2 gets no pixel term
     * @param firstGradients  decoder 1's (and the encoder's) gradients, empty when it is frozen
     * @param secondGradients decoder 2's gradients, empty for one decoder
     * @param criticGradients the discriminator's gradients
     */
    public record Result(double pixel, double critic, PatchDiscriminator.GeneratorTerms terms, double perceptual,
                         double detailPixel, Map<String, INDArray> firstGradients, Map<String, INDArray> secondGradients,
                         Map<String, INDArray> criticGradients) {
    }

    /**
     * @param input  normalised inputs (B, 3, h, w)
     * @param plan   the queries: per sample one patch of side P, row-major (random group sampling)
     * @param target the normalised targets (B·P², 3)
     */
    public Result run(INDArray input, QueryPlan plan, INDArray target) {
        int batch = plan.batch();
        int side = (int) Math.round(Math.sqrt(plan.queries()));
        if (side * side != plan.queries()) {
            throw new IllegalArgumentException(plan.queries() + " queries per sample are not a square patch");
        }
        INDArray output = first.predict(input, plan);
        if (second != null) {
            output = output.add(second.predict(input, plan));
        }
        INDArray fake = patches(output, batch, side);
        INDArray real = patches(target, batch, side);
        LossAndGradients critic = discriminator.criticStep(real, fake);
        PatchDiscriminator.GeneratorTerms terms = discriminator.generatorTerms(real, fake);
        INDArray fakeGradient = terms.fakeGradient();
        double perceptual = Double.NaN;
        if (vgg != null) {
            Vgg19Perceptual.Term term = vgg.evaluate(real, fake);
            perceptual = term.value();
            fakeGradient = fakeGradient.add(term.fakeGradient().mul(vggWeight));
        }
        INDArray upstream = fakeGradient.permute(0, 2, 3, 1).dup('c').reshape((long) batch * side * side, 3);
        double detailPixel = Double.NaN;
        if (detailPixelWeight != 0) {
            INDArray difference = output.reshape(upstream.shape()).sub(target.reshape(upstream.shape()));
            detailPixel = difference.ameanNumber().doubleValue();
            upstream.addi(Transforms.sign(difference, false).muli(detailPixelWeight / difference.length()));
        }

        LossAndGradients pixel = firstFrozen ? null : first.lossAndGradients(input, plan, target);
        Map<String, INDArray> firstGradients = new LinkedHashMap<>();
        Map<String, INDArray> secondGradients = new LinkedHashMap<>();
        if (second == null) {
            Map<String, INDArray> adversarial = first.gradientsFor(input, plan, upstream);
            pixel.gradients().forEach((name, g) -> firstGradients.put(name, g.mul(pixelWeight).addi(adversarial.get(name))));
        } else {
            secondGradients.putAll(second.gradientsFor(input, plan, upstream));
            if (pixel != null) {
                pixel.gradients().forEach((name, g) -> firstGradients.put(name, g.mul(pixelWeight)));
            }
        }
        double pixelLoss = pixel != null ? pixel.loss() : Double.NaN;
        return new Result(pixelLoss, critic.loss(), terms, perceptual, detailPixel, firstGradients, secondGradients,
                critic.gradients());
    }

    /** Query-major predictions or targets ((B·P², 3) or (B, P², 3)) as image patches (B, 3, P, P). */
    static INDArray patches(INDArray values, int batch, int side) {
        return values.reshape(batch, side, side, 3).permute(0, 3, 1, 2).dup('c');
    }
}
