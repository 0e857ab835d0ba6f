package io.offerlab.reports.compare;

import io.offerlab.reports.charts.ChartFile;
import io.offerlab.reports.results.RunResults;
import io.offerlab.reports.results.RunSummary;
import io.offerlab.simcore.results.JsonWriter;
import io.offerlab.simcore.results.Numbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison's {@code index.html}: a single file with inline style and no scripts or remote resources, showing
 * the tables, every chart (SVG, linking to the PNG), the exact command and configuration, and links to the run files.
 */
final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;margin:2em auto;max-width:1320px;color:#222;\
      padding:0 1em}
      h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ccc;padding-bottom:.2em}
      table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
      th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}
      th:first-child,td:first-child,td.name{text-align:left}
      th{background:#f3f3f3}
      pre{background:#f6f6f6;padding:.8em;overflow-x:auto;font-size:.85em}
      .grid{display:flex;flex-wrap:wrap;gap:1em}
      figure{margin:0 0 1em 0;flex:1 1 600px;max-width:900px}figure img{width:100%;border:1px solid #eee}
      figcaption{font-size:.85em;color:#555}
      .note{color:#666;font-size:.9em}
      """;

  /** Report sections in page order; charts of other sections follow. */
  private static final List<String> SECTIONS = List.of("Utilisation", "Framework shares", "Fairness", "Jobs",
      "Offers");

  private HtmlReport() {}

  /**
   * Returns the configuration of a run with its {@code cluster} key naming the cluster the run used (the spec given,
   * and the agents it resolved to), not the config's default that a {@code --cluster} or a trace's cluster replaced.
   */
  static Map<String, Object> effective(RunSummary run) {
    Map<String, Object> config = new LinkedHashMap<>(run.config());
    String used = run.cluster();
    String resolved = run.results().run().clusterDescription();
    config.put("cluster", used.isEmpty() ? resolved : used + " (" + resolved + ")");
    return config;
  }

  static String render(Path reportDir, String title, List<RunResults> runs, ComparisonSummary summary,
      List<ChartFile> charts, String command, String configText, String headline, SeedStatistics stats) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
        .append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    out.append("<h1>").append(esc(title)).append("</h1>\n");
    out.append("<p class=\"headline\"><b>").append(esc(headline)).append("</b></p>\n");
    if (stats != null) {
      seedTable(out, stats);
    }
    RunSummary first = runs.get(0).summary();
    out.append("<p>Workload <code>").append(esc(first.workload())).append("</code> on cluster <code>")
        .append(esc(first.cluster())).append("</code> (").append(esc(first.results().run().clusterDescription()))
        .append("), seed ").append(first.seed()).append(stats == null ? "" : " (the tables below and the charts show "
            + "this seed; summary.csv and frameworks.csv have every seed)").append(", allocators ")
        .append(esc(String.join(", ", runs.stream().map(RunResults::name).toList())))
        .append(". Speedups are against <b>").append(esc(summary.baseline())).append("</b>.</p>\n");
    summaryTable(out, summary);
    frameworkTable(out, summary);
    Map<String, StringBuilder> sections = new LinkedHashMap<>();
    for (String section : SECTIONS) {
      sections.put(section, new StringBuilder());
    }
    for (ChartFile chart : charts) {
      StringBuilder section = sections.computeIfAbsent(chart.section(), s -> new StringBuilder());
      section.append("<figure><a href=\"charts/").append(esc(chart.png())).append("\"><img src=\"charts/")
          .append(esc(chart.svg())).append("\" alt=\"").append(esc(chart.title())).append("\"/></a><figcaption>")
          .append(esc(chart.title())).append(" (<a href=\"charts/").append(esc(chart.svg()))
          .append("\">SVG</a>, <a href=\"charts/").append(esc(chart.png()))
          .append("\">PNG</a>)</figcaption></figure>\n");
    }
    for (Map.Entry<String, StringBuilder> section : sections.entrySet()) {
      if (section.getValue().length() == 0) {
        continue;
      }
      out.append("<h2>").append(esc(section.getKey())).append("</h2>\n<div class=\"grid\">\n")
          .append(section.getValue()).append("</div>\n");
    }
    out.append("<h2>Reproduce</h2>\n<pre>").append(esc(command)).append("</pre>\n");
    if (configText != null) {
      out.append("<p>with this <code>--config</code> file:</p>\n<pre>").append(esc(configText)).append("</pre>\n");
    }
    if (!first.config().isEmpty()) {
      out.append("<details><summary>Effective configuration (defaults merged with --config, from results.json; "
          + "cluster: the one the runs used)</summary>\n<pre>").append(esc(JsonWriter.write(effective(first))))
          .append("</pre></details>\n");
    }
    perfTable(out, runs);
    out.append("<h2>Files</h2>\n<ul>\n");
    List<String> tables = stats == null ? List.of("summary.csv", "summary.md", "frameworks.csv")
        : List.of("summary.csv", SeedTables.CI_FILE, "summary.md", "frameworks.csv");
    for (String file : tables) {
      out.append("<li><a href=\"").append(file).append("\">").append(file).append("</a></li>\n");
    }
    for (RunResults run : runs) {
      String relative = reportDir.toAbsolutePath().normalize().relativize(run.folder().toAbsolutePath().normalize())
          .toString().replace('\\', '/');
      String prefix = relative.isEmpty() ? "" : relative + "/";
      out.append("<li>").append(esc(run.name())).append(':');
      for (String file : List.of("results.json", "timeseries.csv", "jobs.csv", "perf.json")) {
        if (Files.exists(run.folder().resolve(file))) {
          out.append(" <a href=\"").append(esc(prefix + file)).append("\">").append(file).append("</a>");
        }
      }
      out.append("</li>\n");
    }
    out.append("</ul>\n<p class=\"note\">Charts and tables are derived from the per-run CSV and JSON files; "
        + "<code>./offerlab report DIR</code> redraws them without simulating.</p>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void seedTable(StringBuilder out, SeedStatistics stats) {
    out.append("<h2>Over ").append(stats.seeds().size()).append(" seeds</h2>\n<p class=\"note\">Speedups over <b>")
        .append(esc(stats.baseline())).append("</b>: geometric means with 95% paired t intervals on the log-ratios, "
            + "runs paired by seed (seeds ").append(esc(String.join(", ", stats.seeds().stream().map(String::valueOf)
            .toList()))).append("). CPU and memory allocated: allocator minus baseline in percentage points, per run "
            + "(each over its own makespan) and over a common window (the longest makespan of the seed's runs).</p>\n");
    out.append("<table>\n<tr><th>allocator</th><th>framework</th><th>JCT speedup</th><th>run-time speedup</th>"
        + "<th>CPU alloc, per run</th><th>CPU alloc, common window</th><th>mem alloc, per run</th>"
        + "<th>mem alloc, common window</th></tr>\n");
    for (SeedStatistics.Row r : stats.rows()) {
      if (!r.metric().equals("jct_speedup")) {
        continue;
      }
      String a = r.allocator();
      String f = r.framework();
      out.append("<tr><td class=\"name\">").append(esc(a)).append("</td><td class=\"name\">")
          .append(esc(f.isEmpty() ? "all" : f)).append("</td><td>").append(esc(SeedTables.speedup(r.interval())))
          .append("</td><td>").append(esc(SeedTables.speedup(stats.row(a, f, "runtime_speedup").interval())));
      for (String metric : List.of("cpus_allocated_diff_run", "cpus_allocated_diff_window", "mem_allocated_diff_run",
          "mem_allocated_diff_window")) {
        SeedStatistics.Row d = stats.row(a, f, metric);
        out.append("</td><td>").append(d == null ? "" : esc(SeedTables.points(d.interval())));
      }
      out.append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private static void summaryTable(StringBuilder out, ComparisonSummary summary) {
    out.append("<h2>Summary</h2>\n<table>\n<tr><th>allocator</th>");
    for (String[] column : SummaryTables.HEADLINE) {
      out.append("<th>").append(esc(column[0])).append("</th>");
    }
    out.append("<th>speedup</th><th>run-time speedup</th></tr>\n");
    for (ComparisonSummary.AllocatorRow row : summary.allocators()) {
      out.append("<tr><td>").append(esc(row.allocator())).append("</td>");
      for (String[] column : SummaryTables.HEADLINE) {
        out.append("<td>").append(esc(SummaryTables.cell(row.summary(), column))).append("</td>");
      }
      out.append("<td>").append(SummaryTables.speedup(row.speedup())).append("</td><td>")
          .append(SummaryTables.speedup(row.runtimeSpeedup())).append("</td></tr>\n");
    }
    out.append("</table>\n<p class=\"note\">Utilisation: time-weighted mean share of the cluster held by tasks "
        + "(alloc), used by them, or locked in outstanding offers. Speedup: the baseline's total job completion time "
        + "over the allocator's, on jobs that completed under both; run-time speedup: the same with each job's run time "
        + "(first task start to finish). Sharing incentive, envy-free, Pareto efficient: the fraction of the fairness "
        + "probe's looks (every metrics.probeInterval of simulated time) at which the property of the DRF paper "
        + "(Ghodsi et al., NSDI 2011) held for every framework with pending work; docs/fairness.md.</p>\n");
  }

  private static void frameworkTable(StringBuilder out, ComparisonSummary summary) {
    List<String> top = summary.topFrameworks(SummaryTables.TABLE_FRAMEWORKS);
    if (top.isEmpty()) {
      return;
    }
    out.append("<h2>Per framework</h2>\n");
    if (top.size() < summary.frameworkCount()) {
      out.append(String.format(Locale.ROOT, "<p class=\"note\">The %d frameworks with the most CPUs of %d; all are in "
          + "<a href=\"frameworks.csv\">frameworks.csv</a>.</p>\n", top.size(), summary.frameworkCount()));
    }
    out.append("<table>\n<tr><th>framework</th>");
    for (ComparisonSummary.AllocatorRow a : summary.allocators()) {
      out.append("<th>").append(esc(a.allocator())).append(": ").append(SummaryTables.MEAN_CPUS_LABEL)
          .append("</th><th>mean JCT (s)</th><th>speedup</th><th>run-time speedup</th>");
    }
    out.append("</tr>\n");
    for (String fw : top) {
      out.append("<tr><td>").append(esc(fw)).append("</td>");
      for (ComparisonSummary.AllocatorRow a : summary.allocators()) {
        ComparisonSummary.FrameworkRow r = summary.framework(fw, a.allocator());
        if (r == null) {
          out.append("<td>n/a</td><td>n/a</td><td>n/a</td><td>n/a</td>");
        } else {
          out.append("<td>").append(Numbers.fixed(r.meanCpus(), 1)).append("</td><td>")
              .append(Numbers.fixed(r.meanJct(), 1)).append("</td><td>").append(SummaryTables.speedup(r.speedup()))
              .append("</td><td>").append(SummaryTables.speedup(r.runtimeSpeedup())).append("</td>");
        }
      }
      out.append("</tr>\n");
    }
    out.append("</table>\n<p class=\"note\">").append(SummaryTables.MEAN_CPUS_LABEL).append(": the framework's "
        + "CPU-seconds held divided by the makespan, i.e. its mean CPUs over the whole run.</p>\n");
  }

  private static void perfTable(StringBuilder out, List<RunResults> runs) {
    out.append("<h2>Simulator performance</h2>\n<table>\n<tr><th>allocator</th><th>wall time (s)</th>"
        + "<th>events</th><th>events/s</th><th>allocator ns/cycle</th><th>peak heap (MB)</th></tr>\n");
    for (RunResults run : runs) {
      var p = run.perf();
      out.append("<tr><td>").append(esc(run.name())).append("</td><td>").append(Numbers.fixed(p.wallSeconds(), 2))
          .append("</td><td>").append(Numbers.fixed(p.events(), 0)).append("</td><td>")
          .append(Numbers.fixed(p.eventsPerSecond(), 0)).append("</td><td>")
          .append(Numbers.fixed(p.allocatorNanosPerCycleMean(), 0)).append("</td><td>")
          .append(Numbers.fixed(p.peakHeapBytes() / 1e6, 0)).append("</td></tr>\n");
    }
    out.append("</table>\n<p class=\"note\">Wall-time measurements from perf.json; they vary between machines and "
        + "runs, unlike everything above.</p>\n");
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
