package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.batch;
import static io.offerlab.simcore.Fixtures.copies;
import static io.offerlab.simcore.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fairness probes on whole simulations whose answer is known (docs/fairness.md): the DRF paper's example
 * (Ghodsi et al., NSDI 2011, section 4), where DRF reaches A 3, B 2 and every property holds at every look but the
 * first; strict priority starving B (sharing incentive and envy-freeness fail whenever B waits);
 * static partitioning leaving an idle agent to a framework with nothing to run (Pareto efficiency fails).
 */
class FairnessProbesSimulationTest {
  private static final String CONFIG = """
      frameworks: {default: {tJob: 0, tTask: 0, maxTasksPerOffer: 1}}
      metrics: {sampleInterval: 10s, probeInterval: 10s}
      simulation: {endTime: 600s}
      """;

  @Test
  void drfOnThePapersExampleHoldsEveryProperty(@TempDir Path dir) {
    var run = Fixtures.run(CONFIG, List.of(
            batch("a", "A", 0, copies(50, task(1, 4096, 1000))),
            batch("b", "B", 0, copies(50, task(3, 1024, 1000)))),
        "drf", "uniform:1:cpus:9;mem:18432", 1, dir);
    JsonNode f = run.results().at("/summary/fairness");
    assertEquals(60, f.get("probeSamples").asLong(), "grid points 10 s .. 600 s");
    assertEquals(1.0, f.get("sharingIncentive").asDouble());
    assertEquals(1.0, f.get("envyFreeness").asDouble());
    // At the first look (10 s) the fill is still going: A runs 2 tasks and <1 CPU, 8 GB> sits idle, refused by A with
    // a 5 s filter and useless to B; A's third task starts after it. So 59 of the 60 looks are Pareto efficient.
    assertEquals(59.0 / 60, f.get("paretoEfficiency").asDouble(), 1e-6);
    for (JsonNode fw : run.results().get("frameworks")) {
      assertEquals(60, fw.at("/fairness/probeSamples").asLong());
    }
  }

  @Test
  void strictPriorityStarvingBFailsSharingIncentiveAndEnvy(@TempDir Path dir) {
    // Frameworks launch all that fits in an offer. A (priority 1) has 50 tasks of <1 CPU, 1 GB> and takes the whole agent (9 tasks); B's <1, 1 GB> never runs.
    // B's half holds 4 tasks, it runs 0: sharing incentive fails at every look; B could run 9 tasks in A's
    // allocation and 0 in its own: envy. A has its share and envies nobody; the agent is full: Pareto holds.
    var run = Fixtures.run(CONFIG.replace("maxTasksPerOffer: 1", "maxTasksPerOffer: 0")
        + "allocator: {priorities: {A: 1, B: 0}}\n", List.of(
            batch("a", "A", 0, copies(50, task(1, 1024, 1000))),
            batch("b", "B", 0, copies(50, task(1, 1024, 1000)))),
        "priority", "uniform:1:cpus:9;mem:18432", 1, dir);
    JsonNode f = run.results().at("/summary/fairness");
    assertEquals(0.0, f.get("sharingIncentive").asDouble());
    assertEquals(0.0, f.get("envyFreeness").asDouble());
    assertEquals(1.0, f.get("paretoEfficiency").asDouble());
    JsonNode a = run.results().get("frameworks").get(0);
    assertEquals("A", a.get("name").asText());
    assertEquals(1.0, a.at("/fairness/sharingIncentive").asDouble());
    assertEquals(1.0, a.at("/fairness/envyFreeness").asDouble());
  }

  @Test
  void staticPartitionLeavingAnAgentIdleFailsPareto(@TempDir Path dir) {
    // Two agents, one per role; A's 2 short tasks end at 5 s and A then has nothing to run; B's 20 tasks of the
    // whole agent's size queue on B's agent. At every look (10 s on) A's agent sits idle and unoffered while B waits:
    // Pareto fails. A has no work, so n = 1 and B's slice is the whole cluster (2 tasks) while it runs 1: sharing
    // incentive fails too; nobody else holds anything, so B envies nobody.
    var run = Fixtures.run(CONFIG, List.of(
            batch("a", "A", 0, copies(2, task(1, 1024, 5))),
            batch("b", "B", 0, copies(20, task(4, 4096, 100)))),
        "static", "uniform:2:cpus:4;mem:4096", 1, dir);
    JsonNode f = run.results().at("/summary/fairness");
    assertEquals(60, f.get("probeSamples").asLong(), f.toString());
    assertEquals(0.0, f.get("paretoEfficiency").asDouble(), f.toString());
    assertEquals(0.0, f.get("sharingIncentive").asDouble(), f.toString());
    assertEquals(1.0, f.get("envyFreeness").asDouble(), f.toString());
  }
}
