package io.offerlab.reports.compare;

import io.offerlab.reports.stats.PairedInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-sentence headline that opens a comparison's index.html and summary.md: how much faster the compared
 * allocator ({@code drf} when present, else the second) finished and ran the jobs than the baseline, with 95% confidence
 * intervals over seeds, and its CPU allocation difference over a common window. For {@code synthetic:mesos-paper} it
 * cites the Mesos paper's Table 4 ({@link MesosPaperTable4}).
 */
final class SeedHeadline {
  private SeedHeadline() {}

  /** Returns the sentence (plain text); {@code stats} is null for a one-seed comparison. */
  static String sentence(String workload, ComparisonSummary summary, SeedStatistics stats) {
    if (summary.allocators().size() < 2) {
      return "One run: " + summary.baseline() + " on " + workload + ".";
    }
    String other = summary.allocator("drf") != null && !summary.baseline().equals("drf") ? "drf"
        : summary.allocators().get(1).allocator();
    PairedInterval jct;
    PairedInterval run;
    PairedInterval cpu;
    PairedInterval cpuRun;
    String over;
    if (stats != null) {
      jct = stats.row(other, "", "jct_speedup").interval();
      run = stats.row(other, "", "runtime_speedup").interval();
      cpu = stats.row(other, "", "cpus_allocated_diff_window").interval();
      cpuRun = stats.row(other, "", "cpus_allocated_diff_run").interval();
      over = String.format(Locale.ROOT, "Over %d seeds (geometric means, 95%% paired t intervals)",
          stats.seeds().size());
    } else {
      ComparisonSummary.AllocatorRow row = summary.allocator(other);
      ComparisonSummary.AllocatorRow base = summary.allocators().get(0);
      jct = new PairedInterval(row.speedup(), Double.NaN, Double.NaN, 1);
      run = new PairedInterval(row.runtimeSpeedup(), Double.NaN, Double.NaN, 1);
      double window = Math.max(row.summary().metric("makespan_s"), base.summary().metric("makespan_s"));
      cpu = new PairedInterval((row.summary().metric("cpus_allocated") * row.summary().metric("makespan_s")
          - base.summary().metric("cpus_allocated") * base.summary().metric("makespan_s")) / window,
          Double.NaN, Double.NaN, 1);
      cpuRun = new PairedInterval(row.summary().metric("cpus_allocated") - base.summary().metric("cpus_allocated"),
          Double.NaN, Double.NaN, 1);
      over = "On one seed (no confidence interval; run with --seeds for one)";
    }
    StringBuilder out = new StringBuilder(over).append(", ").append(other).append(" finished the jobs of ")
        .append(workload).append(' ').append(SeedTables.speedup(jct)).append(" faster than ")
        .append(summary.baseline()).append(" (job completion time) and ran them ").append(SeedTables.speedup(run))
        .append(" faster (run time, first task start to finish); its CPU allocation differed by ")
        .append(SeedTables.points(cpuRun)).append(" points over its own makespan and ").append(SeedTables.points(cpu))
        .append(" over a common window (the longest makespan)");
    if (workload.equals(MesosPaperTable4.WORKLOAD)) {
      List<String> paper = new ArrayList<>();
      for (MesosPaperTable4.Row r : MesosPaperTable4.ROWS) {
        paper.add(String.format(Locale.ROOT, "%.2fx (%s)", r.speedup(), r.label()));
      }
      out.append("; the Mesos paper (").append(MesosPaperTable4.CITATION).append(") measured run-time speedups of ")
          .append(String.join(", ", paper)).append(" on its own 96-node EC2 cluster");
    }
    return out.append('.').toString();
  }
}
