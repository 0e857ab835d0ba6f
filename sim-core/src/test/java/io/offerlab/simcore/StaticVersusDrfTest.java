package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.batch;
import static io.offerlab.simcore.Fixtures.copies;
import static io.offerlab.simcore.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.Job;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mesos paper's comparison of dynamic sharing with static partitioning (Hindman et al., NSDI 2011, section 6.1):
 * four frameworks on 96 agents of 4 CPUs and 15 GB. Their demand is bursty and out of phase: each framework submits
 * a burst of jobs every 1000 s, 250 s after the previous framework. Static partitioning (24 agents each) leaves the
 * other three quarters idle during a burst, while DRF lets the bursting framework use them, so DRF must give a
 * higher mean CPU utilisation and a lower mean job completion time.
 */
class StaticVersusDrfTest {
  private static final String CONFIG = "frameworks: {f1: {}, f2: {}, f3: {}, f4: {}}\n";

  private static List<Job> workload() {
    List<Job> jobs = new ArrayList<>();
    for (int burst = 0; burst < 4; burst++) {
      for (int f = 1; f <= 4; f++) {
        double start = burst * 1000 + (f - 1) * 250;
        for (int j = 0; j < 8; j++) {
          jobs.add(batch("f" + f + "-" + burst + "-" + j, "f" + f, start + j, copies(48, task(1, 2048, 60))));
        }
      }
    }
    return jobs;
  }

  @Test
  void drfUsesTheClusterBetterAndFinishesJobsSooner(@TempDir Path dir) {
    String cluster = "uniform:96:cpus:4;mem:15360";
    var drf = Fixtures.run(CONFIG, workload(), "drf", cluster, 3, dir.resolve("drf"));
    var statik = Fixtures.run(CONFIG, workload(), "static", cluster, 3, dir.resolve("static"));
    assertEquals(128, drf.result().jobsCompleted());
    assertEquals(128, statik.result().jobsCompleted());
    assertEquals(24, statik.results().at("/run/allocatorOptions/partitions/f1/agents").asInt());
    assertTrue(drf.result().meanJctSeconds() < 0.7 * statik.result().meanJctSeconds(),
        "DRF mean JCT " + drf.result().meanJctSeconds() + " vs static " + statik.result().meanJctSeconds());
    assertTrue(drf.result().cpuAllocated() > statik.result().cpuAllocated(),
        "DRF utilisation " + drf.result().cpuAllocated() + " vs static " + statik.result().cpuAllocated());
  }
}
