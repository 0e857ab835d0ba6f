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
 * Under the {@code slots} allocator a task uses ceil(task / slot) whole slots in its most demanding resource (the
 * fairness-suite issue; Hadoop's slots as the DRF paper describes them, Ghodsi et al., NSDI 2011, section 1): k slots
 * of each kind the slot names, even when several small tasks would fit in one slot. One agent of 4 CPUs and 8 GB is 4
 * slots of the default <1 CPU, 2 GB>.
 */
class SlotsTaskRoundingTest {
  private static final String CONFIG = """
      frameworks: {default: {tJob: 0, tTask: 0, maxTasksPerOffer: 0}}
      simulation: {endTime: 600s}
      """;
  private static final String CLUSTER = "uniform:1:cpus:4;mem:8192";

  @Test
  void smallTasksTakeOneWholeSlotEach(@TempDir Path dir) {
    // 8 tasks of <0.5 CPU, 500 MB> would all fit the agent at once; as one slot each, 4 run, then the other 4.
    var slots = Fixtures.run(CONFIG, List.of(batch("a", "A", 0, copies(8, task(0.5, 500, 10)))), "slots",
        CLUSTER, 1, dir.resolve("slots"));
    JsonNode a = slots.framework("A");
    assertEquals(8, a.get("tasksCompleted").asLong());
    assertEquals(8 * 1.0 * 10, a.get("cpuSecondsAllocated").asDouble(), 1e-6, "each task holds a whole slot's CPU");
    double makespan = slots.results().at("/summary/makespanSeconds").asDouble();
    assertTrue(makespan >= 20 && makespan < 25, "two waves of 4: " + makespan);

    var drf = Fixtures.run(CONFIG, List.of(batch("a", "A", 0, copies(8, task(0.5, 500, 10)))), "drf",
        CLUSTER, 1, dir.resolve("drf"));
    assertEquals(8 * 0.5 * 10, drf.framework("A").get("cpuSecondsAllocated").asDouble(), 1e-6);
    assertTrue(drf.results().at("/summary/makespanSeconds").asDouble() < 15, "drf runs all 8 at once");
  }

  @Test
  void aTaskUsesSlotsOfItsMostDemandingResource(@TempDir Path dir) {
    // <1 CPU, 3000 MB> is 2 slots by memory (ceil(3000 / 2048)): it holds <2 CPUs, 4096 MB>, so 2 run at a time.
    var run = Fixtures.run(CONFIG, List.of(batch("a", "A", 0, copies(4, task(1, 3000, 10)))), "slots",
        CLUSTER, 1, dir);
    JsonNode a = run.framework("A");
    assertEquals(4, a.get("tasksCompleted").asLong());
    assertEquals(4 * 2.0 * 10, a.get("cpuSecondsAllocated").asDouble(), 1e-6, "2 slots' CPUs per task");
    double makespan = run.results().at("/summary/makespanSeconds").asDouble();
    assertTrue(makespan >= 20 && makespan < 25, "two waves of 2: " + makespan);
  }
}
