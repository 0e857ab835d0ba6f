package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.batch;
import static io.offerlab.simcore.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.simcore.config.SimulationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails with a one-line IllegalArgumentException before the first event, and leaves no files behind. */
class BadInputTest {
  private static IllegalArgumentException fails(Runnable run) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run::run);
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  private static InMemoryWorkload workload() {
    return new InMemoryWorkload("test:jobs", List.of(batch("j", "f", 0, List.of(task(1, 512, 1)))));
  }

  @Test
  void unknownAllocator(@TempDir Path dir) {
    Path out = dir.resolve("out");
    var e = fails(() -> Simulations.run(SimulationConfig.defaults(), workload(), "fifo", "uniform:1:cpus:1;mem:1024",
        1, out, ProgressListener.NONE));
    assertTrue(e.getMessage().startsWith("unknown allocator 'fifo': expected one of"), e.getMessage());
    assertFalse(Files.exists(out));
    var spec = new RunSpec("synthetic:drf-example", Map.of(), "fifo", null, null, 1);
    assertTrue(fails(() -> Simulations.run(spec, out, ProgressListener.NONE)).getMessage()
        .startsWith("unknown allocator 'fifo'"));
  }

  @Test
  void badCluster(@TempDir Path dir) {
    var e = fails(() -> Simulations.run(SimulationConfig.defaults(), workload(), "drf", "uniform:two:cpus:1", 1,
        dir.resolve("out"), ProgressListener.NONE));
    assertTrue(e.getMessage().startsWith("cluster 'uniform:two:cpus:1'"), e.getMessage());
  }

  @Test
  void badConfigFileNamesTheFileAndKey(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "frameworks:\n  default:\n    tJob: -1\n");
    var spec = new RunSpec("synthetic:drf-example", Map.of(), "drf", null, config, 1);
    assertEquals(config + ": frameworks.default.tJob: expected a duration >= 0, found -1",
        fails(() -> Simulations.run(spec, dir.resolve("out"), ProgressListener.NONE)).getMessage());
  }

  @Test
  void jobsOutOfArrivalOrder(@TempDir Path dir) {
    var jobs = new InMemoryWorkload("test:jobs", List.of(batch("late", "f", 10, List.of(task(1, 512, 1))),
        batch("early", "f", 5, List.of(task(1, 512, 1)))));
    Path out = dir.resolve("out");
    var e = fails(() -> Simulations.run(SimulationConfig.defaults(), jobs, "drf", "uniform:1:cpus:1;mem:1024", 1, out,
        ProgressListener.NONE));
    assertTrue(e.getMessage().contains("expected jobs in arrival order"), e.getMessage());
    assertFalse(Files.exists(out), "no partial files are left, and no empty folder (docs/simulation.md)");
  }

  @Test
  void badWorkloadSpec(@TempDir Path dir) {
    var spec = new RunSpec("nosuch:file", Map.of(), "drf", null, null, 1);
    assertTrue(fails(() -> Simulations.run(spec, dir.resolve("out"), ProgressListener.NONE)).getMessage()
        .contains("nosuch"));
  }
}
