package io.offerlab.reports.compare;

import io.offerlab.reports.stats.PairedInterval;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pooled tables of a comparison over seeds: summary-ci.csv and its Markdown form (docs/results-schema.md). */
final class SeedTables {
  /** The file name of the pooled table. */
  static final String CI_FILE = "summary-ci.csv";

  private SeedTables() {}

  /** Returns summary-ci.csv: one row per allocator, framework (empty = all) and metric. */
  static String csv(SeedStatistics stats) {
    StringBuilder out = new StringBuilder("allocator,baseline,framework,metric,seeds,estimate,ci_low,ci_high\n");
    for (SeedStatistics.Row row : stats.rows()) {
      PairedInterval i = row.interval();
      out.append(Csv.line(List.of(row.allocator(), stats.baseline(), row.framework(), row.metric(),
          Integer.toString(i.n()), Numbers.format(i.estimate()), Numbers.format(i.low()), Numbers.format(i.high()))))
          .append('\n');
    }
    return out.toString();
  }

  /** Formats a speedup with its interval, e.g. {@code 1.63x (1.58 to 1.69)}. */
  static String speedup(PairedInterval i) {
    if (i == null || Double.isNaN(i.estimate())) {
      return "n/a";
    }
    String s = String.format(Locale.ROOT, "%.2fx", i.estimate());
    return i.hasInterval() ? s + String.format(Locale.ROOT, " (%.2f to %.2f)", i.low(), i.high()) : s;
  }

  /** Formats a difference of utilisation fractions in percentage points with its interval. */
  static String points(PairedInterval i) {
    if (i == null || Double.isNaN(i.estimate())) {
      return "n/a";
    }
    String s = point(i.estimate());
    return i.hasInterval() ? s + " (" + point(i.low()) + " to " + point(i.high()) + ")" : s;
  }

  /** Formats a fraction in percentage points to one decimal, with a sign, and no "-0.0". */
  private static String point(double fraction) {
    double rounded = Math.round(fraction * 1000) / 10.0 + 0.0;
    return String.format(Locale.ROOT, "%+.1f", rounded);
  }

  /** Returns the Markdown of the pooled numbers: per allocator overall, then per framework. */
  static String markdown(SeedStatistics stats) {
    StringBuilder out = new StringBuilder("## Over ").append(stats.seeds().size()).append(" seeds (")
        .append(String.join(", ", stats.seeds().stream().map(String::valueOf).toList())).append(")\n\n");
    out.append("Speedups over ").append(stats.baseline()).append(": geometric means over seeds with 95% paired t "
        + "intervals on the log-ratios (runs paired by seed). Utilisation: allocator minus baseline in percentage "
        + "points, per run (each over its own makespan) and over a common window (the longest makespan of the "
        + "seed's runs), with 95% paired t intervals.\n\n");
    SummaryTables.row(out, List.of("allocator", "framework", "JCT speedup", "run-time speedup", "CPU alloc, per run",
        "CPU alloc, common window", "mem alloc, per run", "mem alloc, common window"));
    SummaryTables.row(out, List.of("---", "---", "---", "---", "---", "---", "---", "---"));
    List<String> allocators = new ArrayList<>();
    stats.rows().forEach(r -> {
      if (!allocators.contains(r.allocator())) {
        allocators.add(r.allocator());
      }
    });
    for (String a : allocators) {
      SummaryTables.row(out, List.of(a, "all", speedup(get(stats, a, "", "jct_speedup")),
          speedup(get(stats, a, "", "runtime_speedup")), points(get(stats, a, "", "cpus_allocated_diff_run")),
          points(get(stats, a, "", "cpus_allocated_diff_window")), points(get(stats, a, "", "mem_allocated_diff_run")),
          points(get(stats, a, "", "mem_allocated_diff_window"))));
    }
    for (SeedStatistics.Row r : stats.rows()) {
      if (!r.framework().isEmpty() && r.metric().equals("jct_speedup")) {
        SummaryTables.row(out, List.of(r.allocator(), r.framework(), speedup(r.interval()),
            speedup(get(stats, r.allocator(), r.framework(), "runtime_speedup")), "", "", "", ""));
      }
    }
    return out.toString();
  }

  private static PairedInterval get(SeedStatistics stats, String allocator, String framework, String metric) {
    SeedStatistics.Row row = stats.row(allocator, framework, metric);
    return row == null ? null : row.interval();
  }
}
