package io.offerlab.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks one run of {@link MultiFrameworkBenchmark}; no timing. */
class MultiFrameworkBenchmarkTest {

  /** With DRF every one of the 19,500 tasks is launched, and every cycle offers something. */
  @Test
  void drfLaunchesEveryTask() {
    MultiFrameworkBenchmark benchmark = benchmark(AllocatorType.DRF);
    assertEquals(4 * 4000 + 500 * 5 + 50 * 20, benchmark.totalTasks());
    MultiFrameworkBenchmark.Run run = benchmark.run();
    assertEquals(benchmark.totalTasks(), run.tasks());
    assertTrue(run.cycles() > 0 && run.offers() >= run.cycles(), run.toString());
  }

  /** The same allocator and seed give the same run. */
  @Test
  void runsAreDeterministic() {
    assertEquals(benchmark(AllocatorType.RANDOM).run(), benchmark(AllocatorType.RANDOM).run());
  }

  /** Static partitions give the Jenkins role one or two agents, too small for its tasks: the run fails, not hangs. */
  @Test
  void aRunThatCannotFinishFails() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> benchmark(AllocatorType.STATIC).run());
    assertTrue(e.getMessage().startsWith("STATIC launched "), e.getMessage());
  }

  /** Twelve Jenkins tasks of 4000 MB fit in 48,000 MB; the offer limit and the tasks wanted cap it further. */
  @Test
  void profileFitsByEveryLimit() {
    var jenkins = new MultiFrameworkBenchmark.Profile(5, "cpus:0.1;mem:4000", 20);
    assertEquals(12, jenkins.fit(io.offerlab.allocators.Resources.parse("cpus:64;mem:48000"), 100));
    assertEquals(3, jenkins.fit(io.offerlab.allocators.Resources.parse("cpus:64;mem:48000"), 3));
    assertEquals(0, jenkins.fit(io.offerlab.allocators.Resources.parse("cpus:0.05;mem:48000"), 3));
    var marathon = new MultiFrameworkBenchmark.Profile(4000, "cpus:0.07;mem:400", 100);
    assertEquals(100, marathon.fit(io.offerlab.allocators.Resources.parse("cpus:64;mem:488000"), 4000));
    assertEquals(2, marathon.fit(io.offerlab.allocators.Resources.parse("cpus:0.14;mem:488000"), 4000));
  }

  private static MultiFrameworkBenchmark benchmark(AllocatorType type) {
    MultiFrameworkBenchmark benchmark = new MultiFrameworkBenchmark();
    benchmark.allocator = type;
    benchmark.setUp();
    return benchmark;
  }
}
