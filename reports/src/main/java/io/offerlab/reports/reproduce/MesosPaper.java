package io.offerlab.reports.reproduce;

import io.offerlab.reports.compare.Comparison;
import io.offerlab.reports.compare.ComparisonSummary;
import io.offerlab.reports.compare.MesosPaperTable4;
import io.offerlab.reports.compare.SeedStatistics;
import io.offerlab.reports.results.RunResults;
import io.offerlab.reports.stats.PairedInterval;
import io.offerlab.simcore.results.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code offerlab reproduce mesos-paper}: Table 4 of the Mesos paper (Hindman et al., NSDI 2011, section 6.1.1), static
 * partitioning (24 of 96 nodes per framework) against Mesos (DRF), on the faithful {@code synthetic:mesos-paper}
 * workload of 96 agents of 4 CPUs and 15 GB, over the seeds with 95% paired t intervals. The run-time speedup is the
 * paper's measure (sum of job run times, first task start to finish); the JCT speedup includes queueing. The
 * comparison itself, with its own report, is in {@code compare/}.
 */
final class MesosPaper {
  static final String CLUSTER = "uniform:96:cpus:4;mem:15360";
  static final List<String> ALLOCATORS = List.of("static", "drf");

  private MesosPaper() {}

  static List<ReproTable> run(Path dir, List<Long> seeds, int threads) {
    Path out = dir.resolve("compare");
    Comparison.run(new Comparison.Request(MesosPaperTable4.WORKLOAD, Map.of(), ALLOCATORS, CLUSTER, null, 1,
        "./offerlab reproduce mesos-paper", seeds), out, threads, Comparison.Listener.NONE);
    List<ComparisonSummary> perSeed = new ArrayList<>();
    for (long seed : seeds) {
      List<RunResults> runs = new ArrayList<>();
      for (String allocator : ALLOCATORS) {
        runs.add(RunResults.read(out.resolve(allocator).resolve("seed-" + seed), allocator));
      }
      perSeed.add(ComparisonSummary.of(runs));
    }
    SeedStatistics stats = SeedStatistics.of(seeds, perSeed);
    List<List<String>> rows = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    double[] paper = new double[MesosPaperTable4.ROWS.size()];
    double[] measured = new double[paper.length];
    int i = 0;
    for (MesosPaperTable4.Row row : MesosPaperTable4.ROWS) {
      double staticSum = 0;
      double drfSum = 0;
      for (ComparisonSummary s : perSeed) {
        staticSum += s.framework(row.framework(), "static").runtimeSeconds();
        drfSum += s.framework(row.framework(), "drf").runtimeSeconds();
      }
      PairedInterval run = stats.row("drf", row.framework(), "runtime_speedup").interval();
      PairedInterval jct = stats.row("drf", row.framework(), "jct_speedup").interval();
      rows.add(List.of(row.label(), Numbers.format(row.staticSeconds()), Numbers.format(row.mesosSeconds()),
          Numbers.format(row.speedup()), Numbers.format(staticSum / seeds.size()),
          Numbers.format(drfSum / seeds.size()), StrategyProbe.interval(run), StrategyProbe.interval(jct)));
      categories.add(row.label());
      paper[i] = row.speedup();
      measured[i++] = run.estimate();
    }
    rows.add(List.of("all jobs", "", "", "", "", "",
        StrategyProbe.interval(stats.row("drf", "", "runtime_speedup").interval()),
        StrategyProbe.interval(stats.row("drf", "", "jct_speedup").interval())));
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("paper (Table 4)", paper);
    series.put("simulated, drf over static (geometric mean of " + seeds.size() + " seeds)", measured);
    ReproCharts.bars(dir.resolve("table4.png"), "Mesos paper Table 4: run-time speedup of Mesos over static", "",
        "speedup", categories, series);
    ReproTable table4 = new ReproTable("table4", "Table 4: static partitioning vs Mesos (drf), 96 agents",
        List.of("framework", "paper static (s)", "paper Mesos (s)", "paper speedup", "simulated static (s)",
            "simulated drf (s)", "run-time speedup (95% CI)", "JCT speedup (95% CI)"), rows,
        MesosPaperTable4.CITATION + ". Simulated sums of run times are means over seeds " + seeds + " of jobs "
            + "completed under both allocators; speedups are geometric means with 95% paired t intervals.");
    List<List<String>> probeRows = new ArrayList<>();
    for (String allocator : ALLOCATORS) {
      List<String> r = new ArrayList<>(List.of("`" + allocator + "`"));
      for (String metric : List.of("sharing_incentive", "envy_freeness", "pareto_efficiency")) {
        double[] v = new double[perSeed.size()];
        for (int s = 0; s < v.length; s++) {
          v[s] = perSeed.get(s).allocator(allocator).summary().metric(metric);
        }
        r.add(StrategyProbe.interval(PairedInterval.difference(new double[v.length], v)));
      }
      probeRows.add(r);
    }
    ReproTable probes = new ReproTable("probes", "Fairness probes of the same runs",
        List.of("allocator", "sharing incentive", "envy-free", "Pareto efficient"), probeRows,
        "Fractions of the probe's looks (every 10 s) at which the property held for every framework with pending "
            + "work (docs/fairness.md); mean over the seeds with a 95% t interval. The paper reports none.");
    return List.of(table4, probes);
  }
}
