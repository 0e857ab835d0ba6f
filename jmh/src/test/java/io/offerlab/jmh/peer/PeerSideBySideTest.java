package io.offerlab.jmh.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunResult;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.Workload;
import io.offerlab.workloads.Workloads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The side-by-side's pieces on a small list (200 tasks on 10 hosts of 4 cores, 1 per second, 10 s mean: about 25%
 * load, as the 100,000-task list): the generator writes what it says, CloudSim Plus runs every task once with sane
 * response times, and Offerlab simulates the same thing within the tolerances. No timing.
 */
class PeerSideBySideTest {
  private static final int TASKS = 200;

  @TempDir
  static Path dir;
  private static Path list;
  private static List<Job> jobs;
  private static double meanDuration;
  private static double lastEnd;
  private static CloudSimRun.Result cloudSim;

  @BeforeAll
  static void writeList() throws Exception {
    list = dir.resolve("small.jsonl");
    TaskList.write(new TaskList.Spec(10, 4, 4096, TASKS, 1, 1, 1.0, 10.0, 1), list);
    try (Workload w = Workloads.open("native:" + list, Map.of()); Stream<Job> s = w.jobs()) {
      jobs = s.toList();
      assertEquals(List.of(new AgentGroup(10, new ResourceShape(4, 4096, 0, 0))), w.clusterHint().orElseThrow());
    }
    double sum = 0;
    for (Job job : jobs) {
      long d = job.tasks().get(0).durationMicros();
      sum += d / 1e6;
      lastEnd = Math.max(lastEnd, (job.arrivalMicros() + d) / 1e6);
    }
    meanDuration = sum / jobs.size();
    cloudSim = CloudSimRun.run(list, CloudSimRun.DEFAULT_MIN_TIME_BETWEEN_EVENTS);
  }

  /** The generator writes one single-task, 1-core, 1 MB job per line, in arrival order, the same for a seed. */
  @Test
  void generatorWritesTheListItSays() throws Exception {
    assertEquals(TASKS, jobs.size());
    long previous = 0;
    for (Job job : jobs) {
      assertEquals(1, job.tasks().size());
      assertEquals(new ResourceShape(1, 1, 0, 0), job.tasks().get(0).request());
      assertTrue(job.arrivalMicros() >= previous, "arrivals in order");
      assertTrue(job.tasks().get(0).durationMicros() >= 1);
      previous = job.arrivalMicros();
    }
    assertTrue(meanDuration > 7 && meanDuration < 13, "exponential durations of mean 10 s: " + meanDuration);
    assertTrue(previous / 1e6 > 150 && previous / 1e6 < 250, "200 arrivals at 1/s: " + previous / 1e6);
    Path again = dir.resolve("again.jsonl");
    TaskList.write(new TaskList.Spec(10, 4, 4096, TASKS, 1, 1, 1.0, 10.0, 1), again);
    assertEquals(Files.readString(list), Files.readString(again));
  }

  /**
   * CloudSim Plus finishes every task once; a response is at least the task's duration and, at 25% load, at most
   * CloudSim's update granularity (0.11 s at its default minTimeBetweenEvents) more on average; the makespan is the
   * last arrival plus duration, up to that granularity.
   */
  @Test
  void cloudSimRunsEveryTaskWithSaneResponses() {
    CloudSimRun.Result r = cloudSim;
    assertEquals(TASKS, r.tasks());
    assertEquals(TASKS, r.jobs());
    assertEquals(0, r.queued(), "at 25% load every task finds a free PE");
    assertTrue(r.meanResponseSeconds() >= meanDuration - 1e-6
        && r.meanResponseSeconds() <= meanDuration + 0.12, r.summary() + " vs mean duration " + meanDuration);
    assertTrue(r.makespanSeconds() >= lastEnd - 1e-6 && r.makespanSeconds() <= lastEnd + 0.12,
        r.summary() + " vs last end " + lastEnd);
  }

  /** Offerlab (DRF, tJob = tTask = 0) on the same list: mean JCT within 5% of CloudSim's, makespan within 1%. */
  @Test
  void offerlabSimulatesTheSameThing() throws Exception {
    Path zero = dir.resolve("zero.yaml");
    Files.writeString(zero, PeerBenchmark.ZERO_YAML);
    RunResult o = Simulations.run(new RunSpec("native:" + list, Map.of(), "drf", "uniform:10:cpus:4;mem:4096", zero,
        1), dir.resolve("out"), ProgressListener.NONE);
    CloudSimRun.Result c = cloudSim;
    assertEquals(TASKS, o.jobsCompleted());
    assertTrue(Math.abs(o.meanJctSeconds() / c.meanResponseSeconds() - 1) < 0.05,
        o.meanJctSeconds() + " vs " + c.summary());
    assertTrue(Math.abs(o.makespanSeconds() / c.makespanSeconds() - 1) < 0.01,
        o.makespanSeconds() + " vs " + c.summary());
  }

  /** A file without a cluster line, or a missing file, fails with one line naming it. */
  @Test
  void badInputFailsWithOneLine() throws Exception {
    Path noCluster = dir.resolve("nocluster.jsonl");
    Files.writeString(noCluster, Files.readAllLines(list).get(1) + "\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CloudSimRun.run(noCluster, CloudSimRun.DEFAULT_MIN_TIME_BETWEEN_EVENTS));
    assertTrue(e.getMessage().contains("nocluster.jsonl: expected a cluster line"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    e = assertThrows(IllegalArgumentException.class,
        () -> CloudSimRun.run(dir.resolve("missing.jsonl"), CloudSimRun.DEFAULT_MIN_TIME_BETWEEN_EVENTS));
    assertTrue(e.getMessage().contains("missing.jsonl"), e.getMessage());
  }

  /** The generator's command rejects a bad flag value with exit 2 and one line naming the flag. */
  @Test
  void generatorCommandRejectsBadFlags() {
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, TaskList.run(new String[] {"--tasks", "-3", "--out", dir.resolve("x").toString()}));
      assertEquals(2, TaskList.run(new String[] {"--tasks", "10"}));
    } finally {
      System.setErr(err);
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("--tasks: expected a positive integer, found '-3'"), text);
    assertTrue(text.contains("--out: expected the file to write"), text);
    assertEquals(2, text.strip().lines().count(), text);
  }
}
