package io.offerlab.reports.compare;

import io.offerlab.reports.stats.PairedInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A comparison pooled over seeds: for each allocator against the baseline, the speedups (job completion time and
 * run time, overall and per framework) as geometric means with 95% paired t intervals on the log-ratios, and the
 * utilisation differences with paired t intervals, pairing runs by seed (the runs of a seed share random streams).
 *
 * <p>Utilisation is compared two ways: {@code per run}, each run's mean over its own makespan (what results.json
 * reports), and {@code common window}, each run's allocated resource-seconds over the longest makespan of its seed's
 * runs, so that a run that finishes early is not credited for the idle time it skipped.
 *
 * @param baseline the baseline allocator
 * @param seeds the seeds, in order
 * @param rows the pooled rows, allocators in comparison order (the baseline left out), overall rows first
 */
public record SeedStatistics(String baseline, List<Long> seeds, List<Row> rows) {
  /** The metrics of the rows, in order; speedups are baseline over allocator, differences allocator minus baseline. */
  public static final List<String> METRICS = List.of("jct_speedup", "runtime_speedup", "cpus_allocated_diff_run",
      "cpus_allocated_diff_window", "mem_allocated_diff_run", "mem_allocated_diff_window");

  /**
   * One pooled number.
   *
   * @param allocator the allocator
   * @param framework the framework, or empty for the whole workload
   * @param metric one of {@link #METRICS}
   * @param interval the estimate and its interval
   */
  public record Row(String allocator, String framework, String metric, PairedInterval interval) {}

  /** Copies the lists. */
  public SeedStatistics {
    seeds = List.copyOf(seeds);
    rows = List.copyOf(rows);
  }

  /** Pools per-seed summaries (same allocators in the same order in each) of the given seeds. */
  public static SeedStatistics of(List<Long> seeds, List<ComparisonSummary> perSeed) {
    ComparisonSummary first = perSeed.get(0);
    int n = perSeed.size();
    List<Row> rows = new ArrayList<>();
    TreeSet<String> frameworks = new TreeSet<>();
    perSeed.forEach(s -> s.frameworks().forEach(f -> frameworks.add(f.framework())));
    for (ComparisonSummary.AllocatorRow a : first.allocators().subList(1, first.allocators().size())) {
      String alloc = a.allocator();
      double[] one = ones(n);
      double[] jct = new double[n];
      double[] run = new double[n];
      for (int s = 0; s < n; s++) {
        ComparisonSummary.AllocatorRow row = perSeed.get(s).allocator(alloc);
        jct[s] = row.speedup();
        run[s] = row.runtimeSpeedup();
      }
      rows.add(new Row(alloc, "", "jct_speedup", PairedInterval.ratio(jct, one)));
      rows.add(new Row(alloc, "", "runtime_speedup", PairedInterval.ratio(run, one)));
      for (String resource : List.of("cpus", "mem")) {
        double[] base = new double[n];
        double[] other = new double[n];
        double[] baseWindow = new double[n];
        double[] otherWindow = new double[n];
        for (int s = 0; s < n; s++) {
          ComparisonSummary summary = perSeed.get(s);
          double window = 0;
          for (ComparisonSummary.AllocatorRow r : summary.allocators()) {
            window = Math.max(window, r.summary().metric("makespan_s"));
          }
          ComparisonSummary.AllocatorRow b = summary.allocators().get(0);
          ComparisonSummary.AllocatorRow o = summary.allocator(alloc);
          base[s] = b.summary().metric(resource + "_allocated");
          other[s] = o.summary().metric(resource + "_allocated");
          baseWindow[s] = base[s] * b.summary().metric("makespan_s") / window;
          otherWindow[s] = other[s] * o.summary().metric("makespan_s") / window;
        }
        rows.add(new Row(alloc, "", resource + "_allocated_diff_run", PairedInterval.difference(base, other)));
        rows.add(new Row(alloc, "", resource + "_allocated_diff_window",
            PairedInterval.difference(baseWindow, otherWindow)));
      }
    }
    for (String fw : frameworks) {
      for (ComparisonSummary.AllocatorRow a : first.allocators().subList(1, first.allocators().size())) {
        double[] one = ones(n);
        double[] jct = new double[n];
        double[] run = new double[n];
        for (int s = 0; s < n; s++) {
          ComparisonSummary.FrameworkRow row = perSeed.get(s).framework(fw, a.allocator());
          jct[s] = row == null ? Double.NaN : row.speedup();
          run[s] = row == null ? Double.NaN : row.runtimeSpeedup();
        }
        rows.add(new Row(a.allocator(), fw, "jct_speedup", PairedInterval.ratio(jct, one)));
        rows.add(new Row(a.allocator(), fw, "runtime_speedup", PairedInterval.ratio(run, one)));
      }
    }
    return new SeedStatistics(first.baseline(), seeds, rows);
  }

  private static double[] ones(int n) {
    double[] one = new double[n];
    java.util.Arrays.fill(one, 1);
    return one;
  }

  /** Returns the row, or null. */
  public Row row(String allocator, String framework, String metric) {
    for (Row r : rows) {
      if (r.allocator().equals(allocator) && r.framework().equals(framework) && r.metric().equals(metric)) {
        return r;
      }
    }
    return null;
  }
}
