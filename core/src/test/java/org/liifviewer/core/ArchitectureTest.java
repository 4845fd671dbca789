package org.liifviewer.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * core is one stack, bottom to top: foundation (backend, io, progress) → image → model → encoder → liif →
 * render → export → bench. A package uses only packages below it, and no packages form a cycle.
 */
@AnalyzeClasses(packages = "org.liifviewer.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("org.liifviewer.core.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesUseOnlyLowerLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Foundation").definedBy("org.liifviewer.core.backend..", "org.liifviewer.core.io..",
                    "org.liifviewer.core.progress..")
            .layer("Image").definedBy("org.liifviewer.core.image..")
            .layer("Model").definedBy("org.liifviewer.core.model..")
            .layer("Encoder").definedBy("org.liifviewer.core.encoder..")
            .layer("Liif").definedBy("org.liifviewer.core.liif..")
            .layer("Render").definedBy("org.liifviewer.core.render..")
            .layer("Export").definedBy("org.liifviewer.core.export..")
            .layer("Bench").definedBy("org.liifviewer.core.bench..")
            .whereLayer("Foundation").mayNotAccessAnyLayer()
            .whereLayer("Image").mayOnlyAccessLayers("Foundation")
            .whereLayer("Model").mayOnlyAccessLayers("Foundation", "Image")
            .whereLayer("Encoder").mayOnlyAccessLayers("Foundation", "Image", "Model")
            .whereLayer("Liif").mayOnlyAccessLayers("Foundation", "Image", "Model", "Encoder")
            .whereLayer("Render").mayOnlyAccessLayers("Foundation", "Image", "Model", "Encoder", "Liif")
            .whereLayer("Export").mayOnlyAccessLayers("Foundation", "Image", "Model", "Encoder", "Liif", "Render")
            .whereLayer("Bench").mayOnlyAccessLayers("Foundation", "Image", "Model", "Encoder", "Liif", "Render",
                    "Export");
}
