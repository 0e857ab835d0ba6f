package io.offerlab.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Property: on any small workload of batch, service and gang jobs that fit the cluster, with no failures, every job
 * completes (but gangs under {@code slots} and {@code drf-sized}), every launched task completes, conservation holds
 * after every event, and the summary's counts agree with jobs.csv.
 */
class RandomWorkloadPropertyTest {
  /** Allocators under which gangs that fit the cluster may still never be offered enough at once (issue 19). */
  private static final java.util.Set<String> GANGS_MAY_WAIT = java.util.Set.of("slots", "drf-sized");

  @Property(tries = 30)
  void everyJobCompletesAndResourcesAreConserved(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 40) int jobCount, @ForAll("allocators") String allocator) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<Job> jobs = new ArrayList<>();
    double t = 0;
    JobKind[] kinds = JobKind.values();
    for (int i = 0; i < jobCount; i++) {
      t += random.nextInt(20);
      JobKind kind = kinds[random.nextInt(kinds.length)];
      int n = 1 + random.nextInt(kind == JobKind.GANG ? 4 : 8);
      List<TaskSpec> tasks = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        tasks.add(TaskSpec.of(ResourceShape.of(0.5 * (1 + random.nextInt(4)), 256 * (1 + random.nextInt(8))),
            Fixtures.micros(1 + random.nextInt(100))));
      }
      jobs.add(Fixtures.job("j" + i, "fw" + random.nextInt(3), t, kind, tasks));
    }
    Path dir = Files.createTempDirectory("offerlab-property");
    try {
      var run = Fixtures.run("""
          allocator: {partitionRoles: [fw0, fw1, fw2]}
          frameworks: {default: {gangPolicy: decline}}
          simulation: {checkInvariants: true}
          """, jobs, allocator, "uniform:4:cpus:4;mem:4096", seed, dir);
      var summary = run.results().get("summary");
      if (GANGS_MAY_WAIT.contains(allocator)) {
        // slots offers two of an agent's 4 CPUs here (4 GB holds two 2 GB slots), and drf-sized offers a framework no
        // more than its fair share: two frameworks whose gangs each need more than they are offered at once split
        // the cluster and wait for ever (the run ends "stalled"). Every other job completes.
        long others = run.jobs().stream().filter(j -> !j.get("kind").equals("gang")).count();
        long othersCompleted = run.jobs().stream()
            .filter(j -> !j.get("kind").equals("gang") && j.get("outcome").equals("COMPLETED")).count();
        assertEquals(others, othersCompleted, "every job but gangs completes");
      } else if (!allocator.equals("static")) {
        assertEquals(jobCount, summary.at("/jobs/completed").asInt(), "every job completes");
        assertEquals("completed", summary.get("endReason").asText());
      }
      assertEquals(summary.at("/tasks/launched").asInt(), summary.at("/tasks/completed").asInt());
      assertEquals(jobCount, run.jobs().size());
      assertEquals(summary.at("/jobs/completed").asLong(),
          run.jobs().stream().filter(j -> j.get("outcome").equals("COMPLETED")).count());
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> allocators() {
    return net.jqwik.api.Arbitraries.of(io.offerlab.allocators.Allocators.names());
  }
}
