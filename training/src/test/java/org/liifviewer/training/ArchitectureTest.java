package org.liifviewer.training;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * training is one stack on top of core: graph (the SameDiff graphs) → data, baseline and gan (LIIF-GAN's
 * discriminator and losses) → eval → run (the train command). A package uses only packages below it, and no packages form a cycle.
 */
@AnalyzeClasses(packages = {"org.liifviewer.training", "org.liifviewer.core"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("org.liifviewer.training.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesUseOnlyLowerLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy("org.liifviewer.core..")
            .layer("Graph").definedBy("org.liifviewer.training.graph..")
            .layer("Data").definedBy("org.liifviewer.training.data..")
            .layer("Baseline").definedBy("org.liifviewer.training.baseline..")
            .layer("Gan").definedBy("org.liifviewer.training.gan..")
            .layer("Eval").definedBy("org.liifviewer.training.eval..")
            .layer("Run").definedBy("org.liifviewer.training.run..")
            .whereLayer("Graph").mayOnlyAccessLayers("Core")
            .whereLayer("Data").mayOnlyAccessLayers("Core", "Graph")
            .whereLayer("Baseline").mayOnlyAccessLayers("Core", "Graph")
            .whereLayer("Gan").mayOnlyAccessLayers("Core", "Graph", "Data")
            .whereLayer("Eval").mayOnlyAccessLayers("Core", "Graph", "Baseline")
            .whereLayer("Run").mayOnlyAccessLayers("Core", "Graph", "Data", "Baseline", "Gan", "Eval")
            .whereLayer("Run").mayNotBeAccessedByAnyLayer();
}
