package io.offerlab.reports.compare;

import io.offerlab.reports.results.RunSummary;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tables of a comparison as text: summary.csv, frameworks.csv and summary.md (Markdown). */
final class SummaryTables {
  /** Headline columns of the Markdown and HTML tables: header, metric column, kind (p = percent, n = number). */
  static final String[][] HEADLINE = {
      {"CPU alloc", "cpus_allocated", "p"}, {"CPU used", "cpus_used", "p"}, {"mem alloc", "mem_allocated", "p"},
      {"mem used", "mem_used", "p"}, {"CPU in offers", "cpus_offered", "p"}, {"makespan (s)", "makespan_s", "n"},
      {"jobs done", "jobs_completed", "n"}, {"mean JCT (s)", "jct_mean_s", "n"}, {"p95 JCT (s)", "jct_p95_s", "n"},
      {"mean wait (s)", "wait_mean_s", "n"}, {"Jain", "jain", "n"}, {"sharing incentive", "sharing_incentive", "p"},
      {"envy-free", "envy_freeness", "p"}, {"Pareto efficient", "pareto_efficiency", "p"},
      {"offers made", "offers_made", "n"},
      {"accepted", "offers_accepted", "n"}, {"declined", "offers_declined", "n"},
      {"rescinded", "offers_rescinded", "n"}};
  /**
   * The per-framework CPU column's label: the framework's CPU-seconds divided by the makespan, i.e. its mean CPUs over
   * the whole run (not over the time it had work).
   */
  static final String MEAN_CPUS_LABEL = "CPU-s / makespan";
  /** How many frameworks the Markdown and HTML tables show; frameworks.csv has all. */
  static final int TABLE_FRAMEWORKS = 20;

  private SummaryTables() {}

  /** Returns summary.csv: one row per allocator and seed, allocators in comparison order, then seeds in order. */
  static String summaryCsv(List<ComparisonSummary> perSeed) {
    List<String> header = new ArrayList<>(List.of("allocator", "workload", "cluster", "seed"));
    RunSummary.METRICS.forEach(m -> header.add(m.column()));
    header.add("speedup");
    header.add("runtime_speedup");
    header.add("baseline");
    StringBuilder out = new StringBuilder(Csv.line(header)).append('\n');
    for (ComparisonSummary.AllocatorRow first : perSeed.get(0).allocators()) {
      for (ComparisonSummary summary : perSeed) {
        summaryRow(out, summary, summary.allocator(first.allocator()));
      }
    }
    return out.toString();
  }

  private static void summaryRow(StringBuilder out, ComparisonSummary summary, ComparisonSummary.AllocatorRow row) {
    RunSummary s = row.summary();
    List<String> fields = new ArrayList<>(List.of(row.allocator(), s.workload(), s.cluster(),
        Long.toString(s.seed())));
    RunSummary.METRICS.forEach(m -> fields.add(RunSummary.format(m.column(), s.metric(m.column()))));
    fields.add(Numbers.format(row.speedup()));
    fields.add(Numbers.format(row.runtimeSpeedup()));
    fields.add(summary.baseline());
    out.append(Csv.line(fields)).append('\n');
  }

  /** Returns frameworks.csv: one row per framework, allocator and seed. */
  static String frameworksCsv(List<ComparisonSummary> perSeed) {
    StringBuilder out = new StringBuilder("framework,allocator,seed,jobs_completed,mean_cpus,jct_mean_s,speedup,"
        + "runtime_s,runtime_speedup,baseline\n");
    for (ComparisonSummary.FrameworkRow first : perSeed.get(0).frameworks()) {
      for (ComparisonSummary summary : perSeed) {
        ComparisonSummary.FrameworkRow row = summary.framework(first.framework(), first.allocator());
        if (row == null) {
          continue;
        }
        long seed = summary.allocator(row.allocator()).summary().seed();
        out.append(Csv.line(List.of(row.framework(), row.allocator(), Long.toString(seed),
            RunSummary.format("jobs_completed", row.jobsCompleted()), Numbers.format(row.meanCpus()),
            Numbers.format(row.meanJct()), Numbers.format(row.speedup()), Numbers.format(row.runtimeSeconds()),
            Numbers.format(row.runtimeSpeedup()), summary.baseline()))).append('\n');
      }
    }
    return out.toString();
  }

  static String cell(RunSummary summary, String[] column) {
    double v = summary.metric(column[1]);
    return column[2].equals("p") ? Numbers.percent(v) : Double.isNaN(v) ? "n/a" : RunSummary.format(column[1], v);
  }

  static String speedup(double speedup) {
    return Double.isNaN(speedup) ? "n/a" : String.format(Locale.ROOT, "%.2fx", speedup);
  }

  static String markdown(ComparisonSummary summary, String title, String preamble) {
    StringBuilder out = new StringBuilder("# ").append(title).append("\n\n").append(preamble);
    out.append("Speedup: the baseline's (").append(summary.baseline())
        .append(") total job completion time over the allocator's, on jobs that completed under both; run-time "
            + "speedup: the same with each job's run time (first task start to finish). Sharing incentive, envy-free, "
            + "Pareto efficient: the fraction of the fairness probe's looks at which the property held for every "
            + "framework with pending work (docs/fairness.md).\n\n");
    List<String> header = new ArrayList<>(List.of("allocator"));
    for (String[] column : HEADLINE) {
      header.add(column[0]);
    }
    header.add("speedup");
    header.add("run-time speedup");
    row(out, header);
    row(out, header.stream().map(h -> "---").toList());
    for (ComparisonSummary.AllocatorRow r : summary.allocators()) {
      List<String> fields = new ArrayList<>(List.of(r.allocator()));
      for (String[] column : HEADLINE) {
        fields.add(cell(r.summary(), column));
      }
      fields.add(speedup(r.speedup()));
      fields.add(speedup(r.runtimeSpeedup()));
      row(out, fields);
    }
    List<String> top = summary.topFrameworks(TABLE_FRAMEWORKS);
    if (!top.isEmpty()) {
      out.append("\n## Per framework\n\n");
      if (top.size() < summary.frameworkCount()) {
        out.append(String.format(Locale.ROOT,
            "The %d frameworks with the most CPUs of %d; all are in frameworks.csv.\n\n", top.size(),
            summary.frameworkCount()));
      }
      row(out, List.of("framework", "allocator", "jobs done", MEAN_CPUS_LABEL, "mean JCT (s)", "speedup",
          "run time (s)", "run-time speedup"));
      row(out, List.of("---", "---", "---", "---", "---", "---", "---", "---"));
      for (String fw : top) {
        for (ComparisonSummary.AllocatorRow a : summary.allocators()) {
          ComparisonSummary.FrameworkRow r = summary.framework(fw, a.allocator());
          if (r != null) {
            row(out, List.of(fw, r.allocator(), RunSummary.format("jobs_completed", r.jobsCompleted()),
                Numbers.format(r.meanCpus()),
                Numbers.format(r.meanJct()), speedup(r.speedup()), Numbers.format(r.runtimeSeconds()),
                speedup(r.runtimeSpeedup())));
          }
        }
      }
    }
    return out.toString();
  }

  static void row(StringBuilder out, List<String> fields) {
    out.append('|');
    for (String f : fields) {
      out.append(' ').append(f.isEmpty() ? "n/a" : f.replace("|", "\\|")).append(" |");
    }
    out.append('\n');
  }
}
