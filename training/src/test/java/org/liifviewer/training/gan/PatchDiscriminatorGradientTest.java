package org.liifviewer.training.gan;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.liifviewer.training.gradcheck.GradientCheck;
import org.liifviewer.training.graph.LossAndGradients;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The discriminator's gradients against central finite differences in float64: its own loss by its parameters, and
 * the generator's adversarial plus feature-matching terms by the generated patch, for both adversarial forms.
 */
class PatchDiscriminatorGradientTest {

    private static final int[] WIDTHS = {4, 5};
    /** Smooth losses (softplus curvature) with kinks from the leaky ReLUs and the absolute differences. */
    private static final double KINK_SLOPE_GAP = 1e-5;

    @Test
    void theDiscriminatorsLossGradientMatchesFiniteDifferences() {
        Random random = new Random(7);
        INDArray real = GradientCheck.uniform(random, 2, 3, 8, 8);
        INDArray fake = GradientCheck.uniform(random, 2, 3, 8, 8);
        PatchDiscriminator d = discriminator(AdversarialLoss.NON_SATURATING);
        LossAndGradients analytic = d.criticStep(real, fake);
        GradientCheck.run(d.parameters(), analytic.gradients(), () -> d.criticStep(real, fake).loss(),
                KINK_SLOPE_GAP, n -> 9).assertWithin(1e-5, "discriminator loss");
    }

    @Test
    void theGeneratorTermsGradientByTheGeneratedPatchMatchesFiniteDifferences() {
        for (AdversarialLoss form : AdversarialLoss.values()) {
            Random random = new Random(3);
            INDArray real = GradientCheck.uniform(random, 2, 3, 8, 8);
            INDArray fake = GradientCheck.uniform(random, 2, 3, 8, 8);
            PatchDiscriminator d = discriminator(form);
            INDArray analytic = d.generatorTerms(real, fake).fakeGradient();
            GradientCheck.run(Map.of("fake", fake), Map.of("fake", analytic), () -> {
                PatchDiscriminator.GeneratorTerms t = d.generatorTerms(real, fake);
                return 0.3 * t.adversarial() + 2.0 * t.featureMatching();
            }, KINK_SLOPE_GAP, n -> 11).assertWithin(1e-5, form + " generator terms");
        }
    }

    private static PatchDiscriminator discriminator(AdversarialLoss form) {
        return new PatchDiscriminator(PatchDiscriminator.initialParameters(WIDTHS, 5, DataType.DOUBLE), form, 0.3, 2.0);
    }
}
