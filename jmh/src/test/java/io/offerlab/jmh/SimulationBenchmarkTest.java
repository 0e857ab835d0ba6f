package io.offerlab.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.simcore.RunResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks {@link SimulationBenchmark}'s op and its options parameter; no timing. */
class SimulationBenchmarkTest {

  /** One op runs a whole small simulation and counts its events and tasks. */
  @Test
  void oneOpRunsAWholeSimulation() throws Exception {
    SimulationBenchmark benchmark = new SimulationBenchmark();
    benchmark.workload = "synthetic:poisson";
    benchmark.options = "synthetic.jobs=20; synthetic.tasksPerJob=3";
    benchmark.allocator = AllocatorType.DRF;
    benchmark.setUp();
    try {
      SimulationBenchmark.Counters counters = new SimulationBenchmark.Counters();
      RunResult result = benchmark.simulate(counters);
      assertTrue(result.tasksLaunched() >= 60, "every one of the 60 tasks is launched at least once: " + result);
      assertTrue(result.events() > 0);
      assertEquals(result.events(), counters.events);
      assertEquals(result.tasksLaunched(), counters.tasks);
    } finally {
      benchmark.tearDown();
    }
  }

  /** Options parse as key=value pairs; a pair without a key fails with a one-line message naming the field. */
  @Test
  void optionsParse() {
    assertEquals(Map.of("a", "1", "b.c", "x=y"), SimulationBenchmark.parseOptions(" a=1 ;b.c=x=y;"));
    assertEquals(Map.of(), SimulationBenchmark.parseOptions(""));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimulationBenchmark.parseOptions("a=1;oops"));
    assertTrue(e.getMessage().startsWith("options: expected key=value"), e.getMessage());
  }
}
