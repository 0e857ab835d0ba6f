package io.offerlab.reports.compare;

import io.offerlab.reports.stats.PairedInterval;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.Numbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The short text table {@code offerlab demo} prints: utilisation and mean job completion time per allocator, then
 * each framework's speedup of one allocator over another (the Mesos paper's static partitioning against DRF).
 */
public final class Headline {
  private Headline() {}

  /**
   * Formats the pooled per-framework speedups of {@code other} from a rendered folder's summary-ci.csv (empty when
   * the folder has none), with the Mesos paper's Table 4 run-time speedup for the frameworks of synthetic:mesos-paper.
   */
  public static String pooled(Path dir, String other) {
    Path file = dir.resolve(SeedTables.CI_FILE);
    if (!Files.exists(file)) {
      return "";
    }
    List<String[]> rows = new ArrayList<>();
    List<List<String>> header = new ArrayList<>();
    Csv.forEachRow(file, header::add, (line, fields) -> rows.add(fields));
    List<String> h = header.get(0);
    int a = h.indexOf("allocator");
    int f = h.indexOf("framework");
    int m = h.indexOf("metric");
    int n = h.indexOf("seeds");
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-20s %26s %26s %12s%n", "framework",
        "JCT speedup (95% CI)", "run-time speedup (95% CI)", "paper (run)"));
    for (String[] row : rows) {
      if (!row[a].equals(other) || row[f].isEmpty() || !row[m].equals("jct_speedup")) {
        continue;
      }
      String[] run = rows.stream().filter(r -> r[a].equals(other) && r[f].equals(row[f])
          && r[m].equals("runtime_speedup")).findFirst().orElse(null);
      MesosPaperTable4.Row paper = MesosPaperTable4.row(row[f]);
      out.append(String.format(Locale.ROOT, "%-20s %26s %26s %12s%n", row[f], SeedTables.speedup(interval(row, h, n)),
          run == null ? "n/a" : SeedTables.speedup(interval(run, h, n)),
          paper == null ? "" : String.format(Locale.ROOT, "%.2fx", paper.speedup())));
    }
    return out.toString();
  }

  private static PairedInterval interval(String[] row, List<String> h, int n) {
    return new PairedInterval(number(row[h.indexOf("estimate")]), number(row[h.indexOf("ci_low")]),
        number(row[h.indexOf("ci_high")]), Integer.parseInt(row[n]));
  }

  private static double number(String text) {
    return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
  }

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
