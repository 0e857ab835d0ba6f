package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every registered allocator has a contract suite, and every suite runs: an allocator without a
 * {@link AllocatorContractTest} subclass fails the build, and a subclass surefire would skip (nested, or not named
 * {@code *ContractTest}) fails it too.
 */
final class AllocatorContractCoverageTest {
  /** The contract suites; a new allocator adds its own here. */
  static List<AllocatorContractTest> suites() {
    return List.of(new DrfContractTest(), new RandomContractTest(), new PriorityContractTest(),
        new StaticSplitContractTest(), new StaticFractionsContractTest(), new AssetContractTest(),
        new SlotsContractTest(), new DrfSizedContractTest());
  }

  @Test
  void theCoveredAllocatorsAreExactlyTheRegisteredOnes() {
    Set<String> covered = suites().stream().map(AllocatorContractTest::allocatorName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Allocators.names()), covered, "allocators with a contract suite");
  }

  @Test
  void everySuiteIsATopLevelClassSurefireRuns() {
    for (AllocatorContractTest suite : suites()) {
      Class<?> type = suite.getClass();
      assertNull(type.getEnclosingClass(), type.getName() + " is nested: surefire's default includes skip it");
      assertTrue(type.getSimpleName().endsWith("ContractTest"), type.getName() + " is not named *ContractTest");
    }
  }
}
