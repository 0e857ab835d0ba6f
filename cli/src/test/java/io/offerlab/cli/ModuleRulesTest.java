package io.offerlab.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module and package rules of docs/architecture.md, checked over every module the command line links (cli sees
 * them all). Rules about modules that do not exist yet (real-runtime, package {@code io.offerlab.realruntime}) hold
 * vacuously now and apply as soon as its classes are on cli's class path.
 */
@AnalyzeClasses(packages = "io.offerlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

  @ArchTest
  static final ArchRule modulesDependInOneDirection = layeredArchitecture()
      .consideringOnlyDependenciesInAnyPackage("io.offerlab..")
      .layer("cli").definedBy("io.offerlab.cli..")
      .layer("reports").definedBy("io.offerlab.reports..")
      .optionalLayer("real-runtime").definedBy("io.offerlab.realruntime..")
      .optionalLayer("jmh").definedBy("io.offerlab.jmh..")
      .layer("sim-core").definedBy("io.offerlab.simcore..")
      .layer("allocators").definedBy("io.offerlab.allocators..")
      .layer("workloads").definedBy("io.offerlab.workloads..")
      .layer("isolation-model").definedBy("io.offerlab.isolationmodel..")
      .whereLayer("cli").mayNotBeAccessedByAnyLayer()
      .whereLayer("reports").mayOnlyBeAccessedByLayers("cli")
      .whereLayer("real-runtime").mayOnlyBeAccessedByLayers("cli")
      .whereLayer("sim-core").mayOnlyBeAccessedByLayers("cli", "reports", "real-runtime", "jmh")
      .whereLayer("allocators").mayNotAccessAnyLayer()
      .whereLayer("workloads").mayNotAccessAnyLayer()
      .whereLayer("isolation-model").mayNotAccessAnyLayer();

  @ArchTest
  static final ArchRule reportsNeverReachesIntoSimCoreInternals = noClasses()
      .that().resideInAPackage("io.offerlab.reports..")
      .should().dependOnClassesThat().resideInAnyPackage("io.offerlab.simcore.metrics..",
          "io.offerlab.simcore.engine..", "io.offerlab.simcore.cluster..", "io.offerlab.simcore.master..")
      .because("reports reads results files through the results package and runs simulations through sim-core's "
          + "entry points (io.offerlab.simcore, its config), never through the metrics it was computed with");

  @ArchTest
  static final ArchRule realRuntimeUsesOnlySimCoresClockFreePackages = noClasses()
      .that().resideInAPackage("io.offerlab.realruntime..")
      .should().dependOnClassesThat(resideInAPackage("io.offerlab.simcore..").and(not(resideInAnyPackage(
          "io.offerlab.simcore.master..", "io.offerlab.simcore.metrics..", "io.offerlab.simcore.results.."))))
      .allowEmptyShould(true)
      .because("the real runtime shares the master core, metrics and results format, never the engine or the "
          + "simulated cluster");
}
