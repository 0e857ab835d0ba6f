package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.batch;
import static io.offerlab.simcore.Fixtures.micros;
import static io.offerlab.simcore.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.workloads.UsagePoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cgroups isolation model inside the simulator, checked against closed forms (issue 5). Tasks are launched at
 * t = 0 (no decision time), so finish times follow from the fluid model alone.
 */
class IsolationSimulationTest {
  private static final String NO_DELAY = "frameworks: {default: {tJob: 0, tTask: 0}}\n";

  private static String noDelay(String more) {
    return "frameworks: {default: {tJob: 0, tTask: 0, " + more + "}}\n";
  }

  /**
   * Shares only, one core: two CPU-bound tasks with shares 2:1 (requests 0.6 and 0.3 CPUs, each demanding a full
   * core for 20 s of work) run at 2/3 and 1/3. The first finishes its 20 CPU-seconds at 30 s, when the second has
   * done 10; the second then gets the whole core and finishes at 30 + 10 = 40 s.
   */
  @Test
  void sharesSplitOneCoreTwoToOneThenTheSurvivorGetsItAll(@TempDir Path dir) {
    var run = Fixtures.run(NO_DELAY + "isolation: {cpu: shares}\n", List.of(
        batch("x", "f", 0, List.of(task(0.6, 100, 20, new UsagePoint(0, 1.0, 100)))),
        batch("y", "f", 0, List.of(task(0.3, 100, 20, new UsagePoint(0, 1.0, 100))))),
        "drf", "uniform:1:cpus:1;mem:1024", 1, dir);
    assertEquals("0", run.job("x").get("first_start_s"));
    assertEquals("30", run.job("x").get("finish_s"));
    assertEquals("40", run.job("y").get("finish_s"));
    assertEquals(1.5, Double.parseDouble(run.job("x").get("slowdown")), 1e-9);
    assertEquals(2.0, Double.parseDouble(run.job("y").get("slowdown")), 1e-9);
  }

  /**
   * Quota: a task capped at 0.5 CPU (CFS quota 50 ms per 100 ms) with one CPU-bound thread runs at 0.5 on an idle
   * 4-core agent, so its 10 s of work take 20 s, all of them throttled; under shares it runs at 1 and takes 10 s.
   */
  @Test
  void quotaDoublesTheDurationOfATaskThatWantsMoreThanItsRequest(@TempDir Path dir) {
    var jobs = List.of(batch("q", "f", 0, List.of(task(0.5, 100, 10, new UsagePoint(0, 1.0, 100)))));
    var quota = Fixtures.run(NO_DELAY + "isolation: {cpu: quota}\n", jobs, "drf", "uniform:1:cpus:4;mem:4096", 1,
        dir.resolve("quota"));
    var shares = Fixtures.run(NO_DELAY + "isolation: {cpu: shares}\n", jobs, "drf", "uniform:1:cpus:4;mem:4096", 1,
        dir.resolve("shares"));
    assertEquals("20", quota.job("q").get("jct_s"));
    assertEquals("10", shares.job("q").get("jct_s"));
    assertEquals(20.0, quota.framework("f").get("throttledSeconds").asDouble(), 1e-9);
    assertEquals(0.0, shares.framework("f").get("throttledSeconds").asDouble(), 1e-9);
    assertEquals(10.0, quota.framework("f").get("cpuSecondsUsed").asDouble(), 1e-6);
    assertEquals(20.0, quota.results().at("/isolation/throttledTaskSeconds").asDouble(), 1e-9);
  }

  /**
   * Work-conserving shares: on 2 cores, a task demanding 0.2 CPU keeps 0.2 and the two CPU-bound tasks with shares
   * 2:1 split the remaining 1.8 as 1.2 and 0.6; 12 CPU-seconds of work then take 10 s and 20 s.
   */
  @Test
  void aLightTaskLeavesTheRestToItsNeighboursByShares(@TempDir Path dir) {
    var run = Fixtures.run(NO_DELAY, List.of(
        batch("light", "f", 0, List.of(task(0.2, 100, 100, new UsagePoint(0, 0.2, 100)))),
        batch("big", "f", 0, List.of(task(1.0, 100, 12, new UsagePoint(0, 2.0, 100)))),
        batch("small", "f", 0, List.of(task(0.5, 100, 12, new UsagePoint(0, 2.0, 100))))),
        "drf", "uniform:1:cpus:2;mem:4096", 1, dir);
    // 24 CPU-seconds of work at 1.2 CPU = 20 s; "small" has done 12 CPU-seconds of its 24 by then at 0.6.
    assertEquals("20", run.job("big").get("finish_s"));
    // From 20 s "small" gets 1.8 cores (capped by its demand of 2): the remaining 12 CPU-seconds take 6.67 s.
    assertEquals(20 + 12 / 1.8, Double.parseDouble(run.job("small").get("finish_s")), 1e-6);
  }

  /**
   * Memory: a task whose usage profile goes from 512 MB to 2048 MB at t = 30 s, past its 1024 MB limit, is
   * OOM-killed at exactly 30 s. Its framework sees TASK_FAILED with reason memory-limit; with retryLimit 0 the job
   * fails then.
   */
  @Test
  void aTaskGrowingPastItsMemoryLimitIsKilledAtThatInstant(@TempDir Path dir) {
    var run = Fixtures.run(noDelay("retryLimit: 0"), List.of(
        batch("oom", "f", 0, List.of(task(1, 1024, 100, new UsagePoint(0, 1, 512), new UsagePoint(micros(30), 1, 2048))))),
        "drf", "uniform:1:cpus:4;mem:8192", 1, dir);
    Map<String, String> row = run.job("oom");
    assertEquals("FAILED", row.get("outcome"));
    assertEquals("30", row.get("finish_s"));
    assertEquals("1", row.get("tasks_failed"));
    JsonNode f = run.framework("f");
    assertEquals(1, f.get("oomKills").asInt());
    assertEquals(1, f.at("/taskFailures/memory-limit").asInt());
    assertEquals(1, run.results().at("/isolation/oomKills").asInt());
    assertEquals(1, run.results().at("/summary/tasks/failed").asInt());
  }

  /**
   * Retries: with retryLimit 2 the same task is relaunched twice (at the next allocation tick after each failure)
   * and killed 30 s into each attempt. A failure makes the framework revive, which runs a cycle at once, so each
   * retry starts the instant the last attempt died and the job fails after three attempts, at 90 s.
   */
  @Test
  void failedTasksAreRetriedUpToTheLimit(@TempDir Path dir) {
    var run = Fixtures.run(noDelay("retryLimit: 2, refuseSeconds: 0"), List.of(
        batch("oom", "f", 0, List.of(task(1, 1024, 100, new UsagePoint(micros(30), 1, 2048))))),
        "drf", "uniform:1:cpus:4;mem:8192", 1, dir);
    Map<String, String> row = run.job("oom");
    assertEquals("FAILED", row.get("outcome"));
    assertEquals("3", row.get("tasks_failed"));
    assertEquals("90", row.get("finish_s"));
    assertEquals(3, run.framework("f").get("oomKills").asInt());
  }

  /**
   * Without a memory limit ({@code memory: none}, Mesos' posix/mem) the same task is never killed and completes.
   */
  @Test
  void withoutAMemoryLimitNothingIsKilled(@TempDir Path dir) {
    var run = Fixtures.run(NO_DELAY + "isolation: {memory: none}\n", List.of(
        batch("grow", "f", 0, List.of(task(1, 1024, 100, new UsagePoint(micros(30), 1, 2048))))),
        "drf", "uniform:1:cpus:4;mem:8192", 1, dir);
    assertEquals("COMPLETED", run.job("grow").get("outcome"));
    assertEquals("100", run.job("grow").get("finish_s"));
  }
}
