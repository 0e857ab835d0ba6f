package io.offerlab.allocators.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One test per deviation from Mesos 1.11 that issue 10 fixed (its "What to fix" items 1-9). Each scenario under
 * {@code scenarios/offerlab/} states in its description what Mesos does and how the expected offers follow; the error
 * cases check the one-line message names the step and field. Every test here failed before its fix.
 */
final class ConformanceFixesTest {
  private static final String FILE = "fix.json";

  private static void conforms(String name) {
    ScenarioConformanceTest.assertConforms(ScenarioFiles.root().resolve("offerlab/" + name + ".json"));
  }

  private static void failsNaming(String field, String json, String... words) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioRunner.run(FILE, json));
    String message = e.getMessage();
    assertFalse(message.contains("\n"), "not one line: " + message);
    assertTrue(message.startsWith(FILE + ": " + field + ":"), "does not name " + field + ": " + message);
    for (String word : words) {
      assertTrue(message.contains(word), "does not say '" + word + "': " + message);
    }
  }

  /** Item 1: Mesos' updateWeights keeps a weight for a role that has no framework yet. */
  @Test
  void item1SetWeightBeforeAnyFrameworkJoinsTheRole() {
    conforms("SetWeightBeforeFramework");
  }

  /** Item 2: t and r rounded to whole microseconds; a filter blocks while time < t + r. */
  @Test
  void item2FilterExpiresOnItsExactMicrosecond() {
    conforms("FilterExpiresOnExactMicrosecond");
  }

  /** Item 3: the agents list of an allocate filters but does not reorder. */
  @Test
  void item3AllocateVisitsListedAgentsInTheOrderAdded() {
    conforms("AllocateAgentsInAddedOrder");
  }

  /** Item 4: deactivateFramework clears the framework's offer filters. */
  @Test
  void item4DeactivationClearsFilters() {
    conforms("DeactivateClearsFilters");
  }

  /** Item 5: tryUntrackFrameworkUnderRole: a role that loses its last framework leaves the sorter. */
  @Test
  void item5RoleThatRejoinsStartsWithZeroPicks() {
    conforms("RoleRejoinsWithFreshPickCount");
  }

  /** Item 6: llround(v * 1000) on the double, as Mesos' convertToFixed. */
  @Test
  void item6ResourceStringsRoundAsMesos() {
    conforms("MesosRounding");
  }

  /** Item 7: a cluster total that would overflow is an error naming the step and field, never a wrap. */
  @Test
  void item7OverflowingClusterTotalIsAnError() {
    failsNaming("steps[1].resources", """
        {"allocator": "drf", "steps": [
          {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:9000000000000000"},
          {"op": "addAgent", "id": "a2", "resources": "cpus:1;mem:9000000000000000"}
        ]}""", "overflow", "mem");
  }

  /** Item 7: the same for every allocator (static keeps the same totals). */
  @Test
  void item7OverflowIsAnErrorUnderStaticToo() {
    failsNaming("steps[2].resources", """
        {"allocator": "static", "steps": [
          {"op": "addAgent", "id": "a1", "resources": "gpus:4611686018427387"},
          {"op": "addAgent", "id": "a2", "resources": "gpus:4611686018427387"},
          {"op": "addAgent", "id": "a3", "resources": "gpus:4611686018427387"}
        ]}""", "overflow", "gpus");
  }

  /** Item 8: an empty role name is rejected (Mesos rejects it); before, static offered unlisted agents to it. */
  @Test
  void item8EmptyRoleIsRejectedInAddFramework() {
    failsNaming("steps[2].role", """
        {"allocator": "static", "options": {"partitions": {"r1": ["a1"]}}, "steps": [
          {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
          {"op": "addAgent", "id": "a2", "resources": "cpus:1;mem:512"},
          {"op": "addFramework", "id": "E", "role": ""},
          {"op": "allocate", "time": 0}
        ]}""", "empty");
  }

  /** Item 8: empty role names are rejected in setWeight and in the options. */
  @Test
  void item8EmptyRoleIsRejectedInSetWeightAndOptions() {
    failsNaming("steps[0].role", """
        {"allocator": "drf", "steps": [{"op": "setWeight", "role": "", "weight": 2}]}""", "empty");
    failsNaming("options.partitions", """
        {"allocator": "static", "options": {"partitions": {"": ["a1"]}}, "steps": []}""", "empty");
    failsNaming("options.priorities", """
        {"allocator": "priority", "options": {"priorities": {"": 3}}, "steps": []}""", "empty");
    failsNaming("options.partitionRoles", """
        {"allocator": "static", "options": {"partitionRoles": ["a", ""]}, "steps": []}""", "empty");
  }

  /** Item 8: with the default split, agents added while no role exists are split when the first role appears. */
  @Test
  void item8DefaultSplitOfAgentsAddedBeforeAnyRole() {
    conforms("StaticDefaultSplitBeforeRoles");
  }

  /** Item 9: Mesos' filterGpuResources: GPU agents go only to frameworks with GPU_RESOURCES. */
  @Test
  void item9GpuAgentsAreOfferedOnlyToGpuCapableFrameworks() {
    conforms("GpuAgentsNeedCapability");
  }

  /** Item 9: an unknown capability is an error naming the field. */
  @Test
  void item9UnknownCapabilityIsAnError() {
    failsNaming("steps[0].capabilities", """
        {"allocator": "drf", "steps": [{"op": "addFramework", "id": "A", "role": "r", "capabilities": ["TELEPATHY"]}]}""",
        "GPU_RESOURCES");
  }
}
