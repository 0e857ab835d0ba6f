package io.offerlab.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression test of the Mesos paper's macrobenchmark (Hindman et al., NSDI 2011, section 6.1.1): {@code
 * synthetic:mesos-paper} on 96 agents, static partitioning against DRF, over seeds 1 to 3, compared with the paper's
 * Table 4. Table 4 gives, per framework, the sum of job run times without Mesos (static, 24 nodes each) and with
 * Mesos, in seconds, measured once on the paper's own EC2 cluster:
 *
 * <pre>
 *   Facebook Hadoop Mix   7235 -> 6319   speedup 1.14
 *   Large Hadoop Mix      3143 -> 1494   speedup 2.10
 *   Spark                 1684 -> 1338   speedup 1.26
 *   Torque / MPI          3210 -> 3352   speedup 0.96
 * </pre>
 *
 * <p>The tolerance band: each framework's run-time speedup (geometric mean over the seeds) must lie within a factor
 * of 1.25 of the paper's, i.e. from speedup / 1.25 to speedup x 1.25: Facebook 0.91 to 1.43, large Hadoop 1.68 to
 * 2.63, Spark 1.01 to 1.58, Torque/MPI 0.77 to 1.20. The paper reports one run and no spread, so the band is not a
 * confidence interval: it allows for what the simulation leaves out (data locality, delay scheduling, Spark's caching,
 * Torque's own queue; docs/reports.md explains the differences), while still failing a policy that does not share
 * (every speedup 1, outside the large Hadoop band) or one that starves a framework. The static sums must also lie
 * within a factor 1.25 of the paper's (the calibration, docs/workloads.md), and the order must be the paper's: large
 * Hadoop gains most, Torque/MPI least. Priority (Facebook first) must differ from DRF and favour Facebook.
 */
class MesosPaperTable4Test {
  /** The band around the paper's figures, as a factor. */
  static final double BAND = 1.25;
  static final List<Long> SEEDS = List.of(1L, 2L, 3L);

  @TempDir
  static Path tmp;
  static Path out;
  static SeedStatistics stats;
  static List<ComparisonSummary> perSeed = new ArrayList<>();

  @BeforeAll
  static void run() {
    out = tmp.resolve("paper");
    Comparison.run(new Comparison.Request(MesosPaperTable4.WORKLOAD, Map.of(), List.of("static", "drf", "priority"),
        "uniform:96:cpus:4;mem:15360", null, 1, "", SEEDS), out, 2, Comparison.Listener.NONE);
    for (long seed : SEEDS) {
      List<io.offerlab.reports.results.RunResults> runs = new ArrayList<>();
      for (String allocator : List.of("static", "drf", "priority")) {
        runs.add(io.offerlab.reports.results.RunResults.read(out.resolve(allocator).resolve("seed-" + seed),
            allocator));
      }
      perSeed.add(ComparisonSummary.of(runs));
    }
    stats = SeedStatistics.of(SEEDS, perSeed);
  }

  private static double runtimeSpeedup(String allocator, String framework) {
    return stats.row(allocator, framework, "runtime_speedup").interval().estimate();
  }

  @Test
  void runTimeSpeedupsLieWithinTheBandOfTable4() {
    for (MesosPaperTable4.Row paper : MesosPaperTable4.ROWS) {
      double simulated = runtimeSpeedup("drf", paper.framework());
      assertTrue(simulated >= paper.speedup() / BAND && simulated <= paper.speedup() * BAND,
          paper.label() + ": simulated run-time speedup " + simulated + ", paper " + paper.speedup());
    }
    double large = runtimeSpeedup("drf", "hadoop-large");
    for (String other : List.of("facebook", "spark", "mpi")) {
      assertTrue(large > runtimeSpeedup("drf", other), "large Hadoop gains most, as in Table 4");
    }
    for (String other : List.of("facebook", "spark")) {
      assertTrue(runtimeSpeedup("drf", "mpi") < runtimeSpeedup("drf", other), "Torque/MPI gains least");
    }
  }

  @Test
  void staticRunTimesMatchTable4sWithoutMesosColumn() {
    for (MesosPaperTable4.Row paper : MesosPaperTable4.ROWS) {
      double sum = 0;
      for (ComparisonSummary s : perSeed) {
        // frameworks.csv's runtime_s of the baseline: its run times over jobs completed under both.
        sum += s.framework(paper.framework(), "static").runtimeSeconds();
      }
      double mean = sum / perSeed.size();
      assertTrue(mean >= paper.staticSeconds() / BAND && mean <= paper.staticSeconds() * BAND,
          paper.label() + ": static run-time sum " + mean + " s, paper " + paper.staticSeconds() + " s");
    }
  }

  @Test
  void priorityDiffersFromDrfAndFavoursFacebook() throws Exception {
    assertNotEquals(Files.readString(out.resolve("drf/seed-1/jobs.csv")),
        Files.readString(out.resolve("priority/seed-1/jobs.csv")));
    assertNotEquals(Files.readString(out.resolve("drf/seed-1/timeseries.csv")),
        Files.readString(out.resolve("priority/seed-1/timeseries.csv")));
    assertTrue(stats.row("priority", "facebook", "jct_speedup").interval().estimate()
        > stats.row("drf", "facebook", "jct_speedup").interval().estimate(), "Facebook has the highest priority");
    assertEquals(3, stats.row("drf", "", "runtime_speedup").interval().n());
  }
}
