package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.batch;
import static io.offerlab.simcore.Fixtures.copies;
import static io.offerlab.simcore.Fixtures.job;
import static io.offerlab.simcore.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework scheduler models and the master's offer life cycle, one behaviour per test. */
class FrameworkBehaviourTest {
  private static final String FAST = "frameworks: {default: {tJob: 0, tTask: 0";

  private static String fast(String more) {
    return FAST + (more.isEmpty() ? "" : ", " + more) + "}}\n";
  }

  /**
   * A gang that does not fit yet: with {@code hold} its framework keeps the one free agent's offer (and declines the
   * memory-only leftovers of busy agents, which could host none of its tasks), so a batch job arriving at 10 s finds
   * nothing and waits until the filler's tasks end at 100 s; with {@code decline} the framework lets the agent go and
   * the batch job starts on arrival. Either way the gang starts at 100 s, when enough agents are free.
   */
  @Test
  void gangPolicyHoldKeepsOffersAndDeclineLetsOthersUseThem(@TempDir Path dir) {
    var jobs = List.of(
        batch("filler", "filler", 0, copies(3, task(4, 1024, 100))),
        job("gang", "mpi", 1, JobKind.GANG, copies(2, task(4, 1024, 50))),
        batch("late", "other", 10, List.of(task(1, 512, 5))));
    var hold = Fixtures.run(fast("gangPolicy: hold"), jobs, "drf", "uniform:4:cpus:4;mem:4096", 1, dir.resolve("h"));
    var decline = Fixtures.run(fast("gangPolicy: decline"), jobs, "drf", "uniform:4:cpus:4;mem:4096", 1,
        dir.resolve("d"));
    assertEquals("100", hold.job("gang").get("first_start_s"));
    assertEquals("100", hold.job("late").get("first_start_s"));
    assertEquals("100", decline.job("gang").get("first_start_s"));
    assertEquals("10", decline.job("late").get("first_start_s"));
    assertTrue(hold.framework("mpi").get("cpuSecondsOffered").asDouble() >= 4 * 99);
    assertTrue(decline.framework("mpi").get("cpuSecondsOffered").asDouble() < 4 * 10);
  }

  /**
   * Agent failures: a failed agent's tasks are LOST and resubmitted by their frameworks, a service's tasks are
   * restarted, and every job still completes.
   */
  @Test
  void lostTasksAreResubmittedAndJobsStillComplete(@TempDir Path dir) {
    var jobs = List.of(
        batch("b", "batch", 0, copies(40, task(1, 512, 20))),
        job("s", "svc", 0, JobKind.SERVICE, copies(4, task(1, 512, 300))));
    var run = Fixtures.run(fast("") + "agents: {mtbf: 200s, mttr: 20s}\n", jobs, "drf", "uniform:4:cpus:4;mem:8192", 3,
        dir);
    var summary = run.results().get("summary");
    assertTrue(summary.at("/tasks/lost").asInt() > 0, "tasks were lost: " + summary);
    assertTrue(summary.get("agentFailures").asInt() > 0);
    assertEquals(2, summary.at("/jobs/completed").asInt());
    assertEquals(summary.at("/tasks/launched").asInt(),
        summary.at("/tasks/completed").asInt() + summary.at("/tasks/lost").asInt());
    assertTrue(run.framework("svc").get("tasksLost").asInt() > 0, "the service lost tasks and restarted them");
  }

  /** Offers held past the offer timeout are rescinded; tasks planned on them go back to pending. */
  @Test
  void offerTimeoutRescindsOffersHeldTooLong(@TempDir Path dir) {
    var run = Fixtures.run("""
        master: {offerTimeout: 10s}
        frameworks: {default: {tJob: 30s, tTask: 0}}
        simulation: {endTime: 200s}
        """, List.of(batch("slow", "slow", 0, List.of(task(1, 512, 10)))), "drf", "uniform:2:cpus:4;mem:4096", 1, dir);
    var summary = run.results().get("summary");
    assertTrue(summary.at("/offers/rescinded").asInt() > 0);
    assertEquals(0, summary.at("/tasks/launched").asInt());
    assertEquals("UNFINISHED", run.job("slow").get("outcome"));
    assertEquals("endTime", summary.get("endReason").asText());
    assertEquals(1, summary.at("/jobs/unfinished").asInt());
  }

  /**
   * Idle time costs nothing: frameworks suppress offers when they have nothing pending, so between two jobs 100,000 s
   * apart the master schedules no allocation ticks. Ticking every second would take 100,000 events.
   */
  @Test
  void idleFrameworksSuppressAndIdleTicksAreSkipped(@TempDir Path dir) {
    var jobs = List.of(batch("first", "f", 0, List.of(task(1, 512, 10))),
        batch("second", "f", 100_000, List.of(task(1, 512, 10))));
    var lazy = Fixtures.run(fast(""), jobs, "drf", "uniform:2:cpus:4;mem:4096", 1, dir.resolve("lazy"));
    var eager = Fixtures.run(fast("") + "simulation: {tickWhenIdle: true}\n", jobs, "drf",
        "uniform:2:cpus:4;mem:4096", 1, dir.resolve("eager"));
    assertTrue(lazy.result().events() < 100, "events " + lazy.result().events());
    assertTrue(eager.result().events() > 100_000, "events " + eager.result().events());
    assertEquals(lazy.file("jobs.csv"), eager.file("jobs.csv"));
    assertEquals("100000", lazy.job("second").get("first_start_s"));
  }

  /** A task that fits no agent makes its job fail at arrival with reason unschedulable; the run goes on. */
  @Test
  void jobsThatFitNoAgentFailAtArrival(@TempDir Path dir) {
    var run = Fixtures.run(fast(""), List.of(batch("huge", "f", 0, List.of(task(64, 512, 10))),
        batch("ok", "f", 1, List.of(task(1, 512, 10)))), "drf", "uniform:2:cpus:4;mem:4096", 1, dir);
    assertEquals("FAILED", run.job("huge").get("outcome"));
    assertEquals("0", run.job("huge").get("finish_s"));
    assertEquals("COMPLETED", run.job("ok").get("outcome"));
    assertEquals(1, run.framework("f").at("/taskFailures/unschedulable").asInt());
  }

  /**
   * Two gangs that each hold half the cluster wait for each other forever; the run stops once nothing has started
   * for the stall timeout, and says so.
   */
  @Test
  void deadlockedGangsStallTheRun(@TempDir Path dir) {
    var jobs = List.of(job("g1", "a", 0, JobKind.GANG, copies(2, task(4, 1024, 10))),
        job("g2", "b", 0, JobKind.GANG, copies(2, task(4, 1024, 10))));
    var run = Fixtures.run(fast("gangPolicy: hold") + "simulation: {stallTimeout: 10m}\n", jobs, "drf",
        "uniform:2:cpus:4;mem:4096", 1, dir);
    assertEquals("stalled", run.results().at("/summary/endReason").asText());
    assertEquals(600.0, run.result().makespanSeconds());
    assertEquals("UNFINISHED", run.job("g1").get("outcome"));
  }

  /** Services that run until killed do not keep the run alive: it ends when every finite job is done. */
  @Test
  void unboundedServicesDoNotKeepTheRunGoing(@TempDir Path dir) {
    var jobs = List.of(job("web", "svc", 0, JobKind.SERVICE,
            List.of(TaskSpec.of(ResourceShape.of(1, 512), TaskSpec.UNBOUNDED))),
        batch("b", "batch", 5, List.of(task(1, 512, 30))));
    var run = Fixtures.run(fast(""), jobs, "drf", "uniform:2:cpus:4;mem:4096", 1, dir);
    assertEquals("completed", run.results().at("/summary/endReason").asText());
    assertEquals(35.0, run.result().makespanSeconds());
    assertEquals("UNFINISHED", run.job("web").get("outcome"));
    assertEquals("0", run.job("web").get("first_start_s"));
  }

  /**
   * Decision time follows the Omega model: tJob per job placed plus tTask per task, during which the offers stay
   * locked (counted as offered).
   */
  @Test
  void decisionTimeIsTJobPlusTTaskPerTask(@TempDir Path dir) {
    var run = Fixtures.run("frameworks: {default: {tJob: 2s, tTask: 0.5s}}\n",
        List.of(batch("j", "f", 0, copies(4, task(1, 512, 10)))), "drf", "uniform:1:cpus:4;mem:4096", 1, dir);
    assertEquals("4", run.job("j").get("first_start_s"));
    assertEquals(4 * 4.0, run.framework("f").get("cpuSecondsOffered").asDouble(), 1e-9);
  }
}
