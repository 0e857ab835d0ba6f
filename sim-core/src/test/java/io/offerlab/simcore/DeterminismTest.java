package io.offerlab.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Determinism: the same inputs and seed give byte-identical results.json, timeseries.csv and jobs.csv, whether the
 * run is alone or runs next to another in the same JVM, and whether or not the master skips idle allocation ticks.
 */
class DeterminismTest {
  private static final List<String> FILES = List.of("results.json", "timeseries.csv", "jobs.csv");

  @Test
  void sameInputsAndSeedGiveIdenticalFiles(@TempDir Path dir) {
    var a = Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(11, 400), "drf", MixedWorkload.CLUSTER, 5,
        dir.resolve("a"));
    var b = Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(11, 400), "drf", MixedWorkload.CLUSTER, 5,
        dir.resolve("b"));
    for (String file : FILES) {
      assertEquals(a.file(file), b.file(file), file);
    }
    assertTrue(a.result().tasksLaunched() > 500);
    var c = Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(11, 400), "drf", MixedWorkload.CLUSTER, 6,
        dir.resolve("c"));
    assertNotEquals(a.file("timeseries.csv"), c.file("timeseries.csv"), "another seed shuffles agents differently");
  }

  @Test
  void runsSideBySideInOneJvmGiveTheSameFilesAsAlone(@TempDir Path dir) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Fixtures.Run> x = pool.submit(() -> Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(3, 200),
          "random", MixedWorkload.CLUSTER, 9, dir.resolve("x")));
      Future<Fixtures.Run> y = pool.submit(() -> Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(4, 200),
          "drf", MixedWorkload.CLUSTER, 9, dir.resolve("y")));
      var alone = Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(3, 200), "random", MixedWorkload.CLUSTER, 9,
          dir.resolve("alone"));
      for (String file : FILES) {
        assertEquals(alone.file(file), x.get().file(file), file);
      }
      y.get();
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Skipping idle ticks is an optimisation only: ticking at every allocation interval gives the same files (the
   * effective config in results.json records the switch, so that line is the one difference).
   */
  @Test
  void skippingIdleTicksChangesNothing(@TempDir Path dir) {
    var lazy = Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(21, 300), "drf", MixedWorkload.CLUSTER, 2,
        dir.resolve("lazy"));
    var eager = Fixtures.run(MixedWorkload.config("tickWhenIdle: true"),
        MixedWorkload.jobs(21, 300), "drf", MixedWorkload.CLUSTER, 2, dir.resolve("eager"));
    assertEquals(lazy.file("timeseries.csv"), eager.file("timeseries.csv"));
    assertEquals(lazy.file("jobs.csv"), eager.file("jobs.csv"));
    assertEquals(lazy.file("results.json").replace("\"tickWhenIdle\": false", "\"tickWhenIdle\": true"),
        eager.file("results.json"));
    assertTrue(eager.result().events() > lazy.result().events(), "eager ticking fires more events");
  }
}
