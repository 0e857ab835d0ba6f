package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.copies;
import static io.offerlab.simcore.Fixtures.micros;
import static io.offerlab.simcore.Fixtures.number;
import static io.offerlab.simcore.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs run the way the Mesos paper's scripts ran them (Hindman et al., NSDI 2011, section 6.1.1): a chained job is
 * submitted a fixed delay after its framework's previous job ends (its completion time counts from then), and a
 * staged job runs its stages (Spark iterations) one after another.
 */
class JobChainsTest {
  private static final String CLUSTER = "uniform:4:cpus:4;mem:16384";

  @Test
  void aChainedJobIsSubmittedItsDelayAfterThePreviousOneEnds(@TempDir Path dir) {
    List<Job> jobs = List.of(
        new Job("s-0", "s", null, 0, 0, JobKind.BATCH, copies(2, task(1, 1024, 30))),
        new Job("s-1", "s", null, 0, 0, JobKind.BATCH, copies(2, task(1, 1024, 30)), micros(120), List.of()),
        new Job("s-2", "s", null, 0, 0, JobKind.BATCH, copies(2, task(1, 1024, 30)), 0, List.of()),
        new Job("x-0", "x", null, 0, micros(10), JobKind.BATCH, copies(2, task(1, 1024, 30))));
    var run = Fixtures.run("{}", jobs, "drf", CLUSTER, 1, dir);
    assertEquals(4, run.result().jobsCompleted());
    Map<String, String> first = run.job("s-0");
    Map<String, String> second = run.job("s-1");
    Map<String, String> third = run.job("s-2");
    assertEquals(number(first, "finish_s") + 120, number(second, "arrival_s"), 1e-6, "2 minutes after s-0 ends");
    assertEquals(number(second, "finish_s"), number(third, "arrival_s"), 1e-6, "as soon as s-1 ends");
    assertEquals(10, number(run.job("x-0"), "arrival_s"), 1e-6, "an independent job arrives when the stream says");
    // Completion time counts from the submission, not from the stream's arrival of 0.
    assertEquals(number(second, "finish_s") - number(second, "arrival_s"), number(second, "jct_s"), 1e-6);
    assertTrue(number(second, "jct_s") < 40, "s-1 waited for nothing once submitted: " + second);
  }

  @Test
  void aStagedJobRunsItsStagesInOrder(@TempDir Path dir) {
    List<Job> jobs = List.of(
        new Job("it", "spark", null, 0, 0, JobKind.BATCH, copies(12, task(1, 1024, 10)), -1, List.of(4, 4, 4)),
        new Job("flat", "other", null, 0, 0, JobKind.BATCH, copies(4, task(1, 1024, 10))));
    var run = Fixtures.run("{}", jobs, "drf", CLUSTER, 1, dir);
    assertEquals(2, run.result().jobsCompleted());
    // 12 one-CPU tasks would fit the 16 CPUs at once (10 s); three stages of 4 take three rounds of 10 s.
    double staged = number(run.job("it"), "jct_s");
    assertTrue(staged >= 30 && staged < 36, "three stages one after another: " + staged);
    assertTrue(number(run.job("flat"), "jct_s") < 12, "an unstaged job runs its tasks together");
    assertEquals("12", run.job("it").get("tasks_completed"));
  }
}
