package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.batch;
import static io.offerlab.simcore.Fixtures.copies;
import static io.offerlab.simcore.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of Dominant Resource Fairness (Ghodsi et al., NSDI 2011, section 4) as a simulation: one agent
 * of 9 CPUs and 18 GB, framework A running tasks of (1 CPU, 4 GB) and B tasks of (3 CPUs, 1 GB), both with far more
 * tasks than fit. DRF's progressive filling ends with A running 3 tasks and B 2, both at a dominant share of 2/3.
 *
 * <p>Mesos offers a whole agent at a time, so a framework that launches everything that fits in one offer would take
 * the agent before DRF can interleave; the frameworks here launch one task per offer ({@code maxTasksPerOffer: 1})
 * and decline the rest, so each allocation cycle hands the agent's free resources to the framework with the lowest
 * dominant share, exactly DRF's step.
 *
 * <p>Taking turns would reach the same 3 and 2, so B's first task ends early (at 100 s): B's dominant share drops to
 * 1/3, below A's 2/3, and DRF offers the freed &lt;3 CPUs, 5 GB&gt; to B, which launches again. An allocator that
 * ignored shares could hand it to A, which would launch a 4th task and leave no room for B's.
 */
class DrfWorkedExampleTest {
  @Test
  void steadyStateIsThreeTasksOfAAndTwoOfB(@TempDir Path dir) {
    var run = Fixtures.run("""
        frameworks: {default: {tJob: 0, tTask: 0, maxTasksPerOffer: 1}}
        metrics: {sampleInterval: 10s}
        simulation: {endTime: 600s}
        """, List.of(
            batch("a", "A", 0, copies(50, task(1, 4096, 1000))),
            batch("b", "B", 0, Stream.concat(Stream.of(task(3, 1024, 100)), copies(49, task(3, 1024, 1000)).stream()).toList())),
        "drf", "uniform:1:cpus:9;mem:18432", 1, dir);
    List<Map<String, String>> rows = run.timeseries();
    assertEquals(60, rows.size());
    for (Map<String, String> row : rows.subList(3, rows.size())) {
      assertEquals(3.0, Fixtures.number(row, "cpus:A"), "A runs 3 tasks at " + row.get("time_s"));
      assertEquals(6.0, Fixtures.number(row, "cpus:B"), "B runs 2 tasks at " + row.get("time_s"));
      assertEquals(2.0 / 3, Fixtures.number(row, "share:A"), 1e-5);
      assertEquals(2.0 / 3, Fixtures.number(row, "share:B"), 1e-5);
      assertEquals(1.0, Fixtures.number(row, "jain"), 1e-9);
    }
    assertEquals("endTime", run.results().at("/summary/endReason").asText());
    assertTrue(run.results().at("/summary/fairness/jainDominantShare").asDouble() > 0.99);
  }

  /**
   * Weighted DRF on the same example: a role's share is divided by its weight, as Mesos' {@code DRFSorter} does. With
   * B weighing 2, B's weighted share per task is (3/9) / 2 = 1/6 against A's 4/18 = 2/9. By hand: A (0, name) then
   * 2/9; B (0) then 1/6; B (1/6 &lt; 2/9) then 1/3; A (2/9 &lt; 1/3) then 4/9; B (1/3) is offered &lt;1 CPU, 10 GB&gt;,
   * where its task does not fit, and keeps being offered it while its 1/3 stays below A's 4/9. So A runs 2 tasks and
   * B 2, where taking turns would give 3 and 2. The frameworks decline without a filter here: with one, A would be
   * offered what B refused while B's filter lasts, and take a 3rd task, as in Mesos.
   */
  @Test
  void weightTwoForBGivesTwoTasksEach(@TempDir Path dir) {
    var run = Fixtures.run("""
        frameworks: {default: {tJob: 0, tTask: 0, maxTasksPerOffer: 1, refuseSeconds: 0s}}
        allocator: {weights: {B: 2}}
        metrics: {sampleInterval: 10s}
        simulation: {endTime: 300s}
        """, List.of(
            batch("a", "A", 0, copies(50, task(1, 4096, 1000))),
            batch("b", "B", 0, copies(50, task(3, 1024, 1000)))),
        "drf", "uniform:1:cpus:9;mem:18432", 1, dir);
    for (Map<String, String> row : run.timeseries().subList(3, run.timeseries().size())) {
      assertEquals(2.0, Fixtures.number(row, "cpus:A"), "A runs 2 tasks at " + row.get("time_s"));
      assertEquals(6.0, Fixtures.number(row, "cpus:B"), "B runs 2 tasks at " + row.get("time_s"));
    }
  }
}
