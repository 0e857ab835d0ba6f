package io.offerlab.allocators.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario under {@code src/test/resources/scenarios} that has a sibling {@code NAME.expected.json} and
 * checks that {@link ScenarioRunner} prints exactly that JSON (ARCHITECTURE.md section 4). The {@code mesos/} files are
 * ports of Mesos' {@code src/tests/hierarchical_allocator_tests.cpp}; their expected files hold what the Mesos test
 * asserts. The {@code offerlab/} files are hand-written checks of the section 4 example, strict priority, static
 * partitioning, the seeded random sorter and the DRF paper's worked example.
 */
final class ScenarioConformanceTest {
  @TestFactory
  Stream<DynamicTest> everyScenarioPrintsItsExpectedOutput() {
    return ScenarioFiles.scenarios().stream()
        .filter(p -> Files.exists(ScenarioFiles.expectedFor(p)))
        .map(p -> DynamicTest.dynamicTest(ScenarioFiles.relative(p), p.toUri(), () -> assertConforms(p)));
  }

  @Test
  void everyScenarioHasItsExpectedOutputAndViceVersa() {
    List<Path> scenarios = ScenarioFiles.scenarios();
    assertFalse(scenarios.isEmpty(), "no scenarios found under " + ScenarioFiles.root());
    for (Path scenario : scenarios) {
      assertTrue(Files.exists(ScenarioFiles.expectedFor(scenario)),
          ScenarioFiles.relative(scenario) + " has no " + ScenarioFiles.expectedFor(scenario).getFileName());
    }
    for (Path expected : ScenarioFiles.expectedFiles()) {
      assertTrue(Files.exists(ScenarioFiles.scenarioFor(expected)),
          ScenarioFiles.relative(expected) + " has no scenario beside it");
    }
  }

  /** A port names its Mesos test (file name and {@code name} field agree) and says how it maps it. */
  @Test
  void portedMesosScenariosNameTheirTest() {
    List<Path> ported = ScenarioFiles.scenarios().stream()
        .filter(p -> ScenarioFiles.relative(p).startsWith("mesos/"))
        .toList();
    assertTrue(ported.size() >= 23, "expected at least 23 ported Mesos tests, found " + ported.size());
    Set<String> names = new HashSet<>();
    for (Path p : ported) {
      JsonNode root = ScenarioFiles.read(p);
      String file = p.getFileName().toString();
      String test = file.substring(0, file.length() - ".json".length());
      assertEquals("HierarchicalAllocatorTest." + test, root.path("name").asText(), file + ": name");
      assertTrue(root.path("description").asText().length() > 80, file + ": description should say what is checked "
          + "and how the Mesos test was mapped");
      assertTrue(names.add(test), "duplicate port " + test);
    }
  }

  /**
   * The seeded random sorter: the same seed gives the same offers, and the seed is actually used. The scenario adds
   * agents one at a time and offers each to one of three frameworks, so it runs under any seed.
   */
  @Test
  void randomAllocatorDependsOnlyOnItsSeed() {
    StringBuilder steps = new StringBuilder("""
        {"op": "addFramework", "id": "X", "role": "rx"},
        {"op": "addFramework", "id": "Y", "role": "ry"},
        {"op": "addFramework", "id": "Z", "role": "rz"},
        {"op": "setWeight", "role": "ry", "weight": 2.0}""");
    for (int i = 1; i <= 12; i++) {
      steps.append(String.format(Locale.ROOT, """
          ,
          {"op": "addAgent", "id": "a%d", "resources": "cpus:4;mem:8192"},
          {"op": "allocate", "time": %d.0, "agents": ["a%d"]}""", i, i, i));
    }
    Set<String> outputs = new TreeSet<>();
    for (long seed = 0; seed < 8; seed++) {
      String text = String.format(Locale.ROOT, "{\"allocator\": \"random\", \"seed\": %d, \"steps\": [%s]}",
          seed, steps);
      String first = ScenarioRunner.run("seed" + seed + ".json", text);
      assertEquals(first, ScenarioRunner.run("seed" + seed + ".json", text), "seed " + seed + " is not repeatable");
      assertEachNewAgentOfferedWhole(ScenarioFiles.parse(first), seed);
      outputs.add(first);
    }
    assertTrue(outputs.size() > 1, "8 seeds gave identical offers: the seed is ignored");
  }

  /** Running the pinned random scenario twice gives the same output (and the conformance run pins it). */
  @Test
  void pinnedRandomScenarioIsRepeatable() {
    Path file = ScenarioFiles.root().resolve("offerlab/RandomSeeded.json");
    assertEquals(ScenarioRunner.run(file), ScenarioRunner.run(file));
  }

  /** Each allocate step offers the agent just added, whole, to exactly one of the frameworks. */
  private static void assertEachNewAgentOfferedWhole(JsonNode output, long seed) {
    JsonNode allocations = output.get("allocations");
    assertEquals(12, allocations.size());
    for (int i = 0; i < allocations.size(); i++) {
      JsonNode offers = allocations.get(i).get("offers");
      assertEquals(1, offers.size(), "seed " + seed + ", allocation " + i);
      JsonNode offer = offers.get(0);
      assertEquals("a" + (i + 1), offer.get("agent").asText(), "seed " + seed + ", allocation " + i);
      assertEquals("cpus:4;mem:8192", offer.get("resources").asText(), "seed " + seed + ", allocation " + i);
      assertTrue(Set.of("X", "Y", "Z").contains(offer.get("framework").asText()), "seed " + seed);
    }
  }

  static void assertConforms(Path scenario) {
    JsonNode expected = ScenarioFiles.read(ScenarioFiles.expectedFor(scenario));
    String output = ScenarioRunner.run(scenario);
    JsonNode actual = ScenarioFiles.parse(output);
    List<String> differences = ScenarioFiles.differences(expected, actual);
    if (!differences.isEmpty()) {
      fail(ScenarioFiles.relative(scenario) + " differs from " + ScenarioFiles.expectedFor(scenario).getFileName()
          + " (allocations[i] is the i-th allocate step; see its \"step\")\n  " + String.join("\n  ", differences)
          + "\nfull output:\n" + output);
    }
  }
}
