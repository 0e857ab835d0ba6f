package io.offerlab.simcore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package rules of sim-core (docs/architecture.md): the master core is clock-free and knows nothing of the
 * engine, the simulated cluster or the workloads; sim-core's packages import each other without cycles; no class of
 * the cluster model or the master core writes another class's fields; and the master, the framework schedulers and
 * the simulation do not call each other in a triangle.
 */
@AnalyzeClasses(packages = "io.offerlab.simcore", importOptions = ImportOption.DoNotIncludeTests.class)
class SimCorePackageRulesTest {
  private static final String CLUSTER = "io.offerlab.simcore.cluster.";

  @ArchTest
  static final ArchRule masterCoreUsesOnlyAllocatorsAndTheJdk = classes()
      .that().resideInAPackage("io.offerlab.simcore.master..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("io.offerlab.simcore.master..", "io.offerlab.allocators..",
          "java..")
      .because("the real runtime's master drives the same core with a scheduled executor instead of the engine");

  @ArchTest
  static final ArchRule simCorePackagesHaveNoImportCycle = slices()
      .matching("io.offerlab.simcore.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noClassWritesAnotherClassesFields = classes()
      .that().resideInAnyPackage("io.offerlab.simcore.cluster..", "io.offerlab.simcore.master..")
      .should(writeOnlyTheirOwnFields());

  @ArchTest
  static final ArchRule frameworksDoNotCallTheMasterOrTheSimulation = noClasses()
      .that().haveFullyQualifiedName(CLUSTER + "FrameworkScheduler")
      .should().dependOnClassesThat().haveFullyQualifiedName(CLUSTER + "SimulatedMaster")
      .orShould().dependOnClassesThat().haveFullyQualifiedName(CLUSTER + "Simulation")
      .because("a framework asks the master through SchedulerDriver and reports job ends through RunProgress");

  @ArchTest
  static final ArchRule theMasterDoesNotCallTheSimulation = noClasses()
      .that().haveFullyQualifiedName(CLUSTER + "SimulatedMaster")
      .should().dependOnClassesThat().haveFullyQualifiedName(CLUSTER + "Simulation")
      .because("the master reports task starts and stops through RunProgress");

  /** Field assignments only to fields of the class itself or of a class nested in the same top-level class. */
  private static ArchCondition<JavaClass> writeOnlyTheirOwnFields() {
    return new ArchCondition<>("write only their own fields") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (JavaFieldAccess access : type.getFieldAccessesFromSelf()) {
          if (access.getAccessType() == JavaFieldAccess.AccessType.SET
              && !topLevel(access.getTargetOwner()).equals(topLevel(type))) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        }
      }
    };
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass top = type;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }
}
