package io.offerlab.reports.compare;

import io.offerlab.simcore.results.Numbers;
import java.util.List;
import java.util.Locale;

/**
 * The short text table {@code offerlab demo} prints: utilisation and mean job completion time per allocator, then
 * each framework's speedup of one allocator over another (the Mesos paper's static partitioning against DRF).
 */
public final class Headline {
  private Headline() {}

  /** Formats the headline of a comparison, with per-framework speedups of {@code other} over {@code baseline}. */
  public static String text(ComparisonSummary summary, String baseline, String other) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-12s %10s %10s %10s %13s %9s%n", "allocator", "CPU alloc", "CPU used",
        "mem alloc", "mean JCT (s)", "speedup"));
    for (ComparisonSummary.AllocatorRow row : summary.allocators()) {
      out.append(String.format(Locale.ROOT, "%-12s %10s %10s %10s %13s %9s%n", row.allocator(),
          Numbers.percent(row.summary().metric("cpus_allocated")), Numbers.percent(row.summary().metric("cpus_used")),
          Numbers.percent(row.summary().metric("mem_allocated")), Numbers.fixed(row.summary().metric("jct_mean_s"), 1),
          SummaryTables.speedup(row.speedup())));
    }
    List<String> frameworks = summary.topFrameworks(SummaryTables.TABLE_FRAMEWORKS);
    if (summary.allocator(other) == null || summary.allocator(baseline) == null || frameworks.isEmpty()) {
      return out.toString();
    }
    out.append(String.format(Locale.ROOT, "%nPer-framework speedup of %s over %s (job completion time, jobs finished "
        + "under both):%n", other, baseline));
    out.append(String.format(Locale.ROOT, "%-20s %16s %16s %9s%n", "framework", baseline + " JCT (s)",
        other + " JCT (s)", "speedup"));
    for (String fw : frameworks.stream().sorted().toList()) {
      ComparisonSummary.FrameworkRow base = summary.framework(fw, baseline);
      ComparisonSummary.FrameworkRow next = summary.framework(fw, other);
      if (base == null || next == null) {
        continue;
      }
      double speedup = summary.baseline().equals(baseline) ? next.speedup() : Double.NaN;
      out.append(String.format(Locale.ROOT, "%-20s %16s %16s %9s%n", fw, Numbers.fixed(base.meanJct(), 1),
          Numbers.fixed(next.meanJct(), 1), SummaryTables.speedup(speedup)));
    }
    return out.toString();
  }
}
