package org.liifviewer.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * app is one stack on top of core: log (where the log file is) → viewmodel (state, no UI classes) → view (JavaFX)
 * → cli (the commands). A package uses only packages below it, no packages form a cycle, and nothing uses the
 * training module (the installed viewer does not carry it).
 */
@AnalyzeClasses(packages = {"org.liifviewer.app", "org.liifviewer.core"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("org.liifviewer.app.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesUseOnlyLowerLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy("org.liifviewer.core..")
            .layer("Log").definedBy("org.liifviewer.app.log..")
            .layer("ViewModel").definedBy("org.liifviewer.app.viewmodel..")
            .layer("View").definedBy("org.liifviewer.app.view..")
            .layer("Cli").definedBy("org.liifviewer.app.cli..")
            .whereLayer("Log").mayNotAccessAnyLayer()
            .whereLayer("ViewModel").mayOnlyAccessLayers("Core", "Log")
            .whereLayer("View").mayOnlyAccessLayers("Core", "Log", "ViewModel")
            .whereLayer("Cli").mayOnlyAccessLayers("Core", "Log", "ViewModel", "View")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule viewModelHoldsNoUiClasses = noClasses().that()
            .resideInAPackage("org.liifviewer.app.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    @ArchTest
    static final ArchRule viewerUsesNoTrainingCode = noClasses().that().resideInAPackage("org.liifviewer.app..")
            .should().dependOnClassesThat().resideInAPackage("org.liifviewer.training..");
}
