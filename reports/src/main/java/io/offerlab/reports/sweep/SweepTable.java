package io.offerlab.reports.sweep;

import io.offerlab.reports.results.RunSummary;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The combined table of a sweep, one row per run in matrix order, derived from each run's results.json alone: the
 * run's coordinates, every summary metric, and per-framework metrics as {@code <metric>:<framework>} columns. Also
 * the statistics over seeds: mean and a 95% confidence interval from Student's t distribution.
 */
public final class SweepTable {
  /** Per-framework metrics copied into the combined table. */
  static final List<String> FRAMEWORK_COLUMNS = List.of("jct_mean_s", "wait_mean_s", "mean_cpus", "jobs_completed");

  private final List<String> header;
  private final List<SweepCell> cells;
  private final List<Map<String, String>> rows;

  private SweepTable(List<String> header, List<SweepCell> cells, List<Map<String, String>> rows) {
    this.header = List.copyOf(header);
    this.cells = List.copyOf(cells);
    this.rows = List.copyOf(rows);
  }

  /** Builds the table from the cells' results.json files, found by {@code resultsOf}. */
  public static SweepTable of(SweepConfig config, List<SweepCell> cells, Function<SweepCell, Path> resultsOf) {
    List<RunSummary> summaries = new ArrayList<>();
    TreeSet<String> frameworks = new TreeSet<>();
    for (SweepCell cell : cells) {
      RunSummary summary = RunSummary.read(resultsOf.apply(cell));
      summaries.add(summary);
      summary.frameworks().forEach(f -> frameworks.add(f.name()));
    }
    List<String> header = new ArrayList<>(List.of("run_id", "workload", "allocator", "cluster", "seed"));
    config.parameters().keySet().forEach(k -> header.add("param:" + k));
    RunSummary.METRICS.forEach(m -> header.add(m.column()));
    for (String metric : FRAMEWORK_COLUMNS) {
      for (String fw : frameworks) {
        header.add(metric + ":" + fw);
      }
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      SweepCell cell = cells.get(i);
      RunSummary s = summaries.get(i);
      Map<String, String> row = new LinkedHashMap<>();
      row.put("run_id", cell.id());
      row.put("workload", cell.workload());
      row.put("allocator", cell.allocator());
      row.put("cluster", s.cluster());
      row.put("seed", Long.toString(cell.seed()));
      cell.parameters().forEach((k, v) -> row.put("param:" + k, v.asText()));
      RunSummary.METRICS.forEach(m -> row.put(m.column(), RunSummary.format(m.column(), s.metric(m.column()))));
      for (RunSummary.FrameworkSummary f : s.frameworks()) {
        for (String metric : FRAMEWORK_COLUMNS) {
          row.put(metric + ":" + f.name(), RunSummary.format(metric, f.metric(metric)));
        }
      }
      rows.add(row);
    }
    return new SweepTable(header, cells, rows);
  }

  /** Returns the column names. */
  public List<String> header() {
    return header;
  }

  /** Returns the table as CSV text. */
  public String csv() {
    StringBuilder out = new StringBuilder(Csv.line(header)).append('\n');
    for (Map<String, String> row : rows) {
      List<String> fields = new ArrayList<>();
      header.forEach(h -> fields.add(row.getOrDefault(h, "")));
      out.append(Csv.line(fields)).append('\n');
    }
    return out.toString();
  }

  /**
   * Statistics of one metric over the seeds of a group (a workload, allocator and parameter values).
   *
   * @param cell the group's first cell (its seed is irrelevant)
   * @param metric the metric column
   * @param n seeds with a value
   * @param mean the mean
   * @param stddev the sample standard deviation (NaN for one seed)
   * @param halfWidth the half-width of the 95% confidence interval (NaN for one seed)
   */
  public record Stat(SweepCell cell, String metric, int n, double mean, double stddev, double halfWidth) {}

  /** Returns the statistics over seeds of each metric, groups in matrix order; an unknown metric fails. */
  public List<Stat> stats(List<String> metrics, String file) {
    for (String metric : metrics) {
      if (!header.contains(metric) || header.indexOf(metric) < 5) {
        throw new SweepException(file + ": metrics: unknown column '" + metric + "' of sweep.csv: expected one of "
            + RunSummary.columns() + " or <metric>:<framework>");
      }
    }
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      groups.computeIfAbsent(cells.get(i).groupKey(), k -> new ArrayList<>()).add(i);
    }
    List<Stat> stats = new ArrayList<>();
    for (List<Integer> members : groups.values()) {
      for (String metric : metrics) {
        List<Double> values = new ArrayList<>();
        for (int i : members) {
          String text = rows.get(i).getOrDefault(metric, "");
          if (!text.isEmpty()) {
            values.add(Double.parseDouble(text));
          }
        }
        stats.add(stat(cells.get(members.get(0)), metric, values));
      }
    }
    return stats;
  }

  static Stat stat(SweepCell cell, String metric, List<Double> values) {
    int n = values.size();
    if (n == 0) {
      return new Stat(cell, metric, 0, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n == 1) {
      return new Stat(cell, metric, 1, mean, Double.NaN, Double.NaN);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double stddev = Math.sqrt(ss / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    return new Stat(cell, metric, n, mean, stddev, t * stddev / Math.sqrt(n));
  }

  /** Returns the statistics as CSV text. */
  public static String statsCsv(SweepConfig config, List<Stat> stats) {
    List<String> header = new ArrayList<>(List.of("workload", "allocator"));
    config.parameters().keySet().forEach(k -> header.add("param:" + k));
    header.addAll(List.of("metric", "n", "mean", "stddev", "ci95_low", "ci95_high"));
    StringBuilder out = new StringBuilder(Csv.line(header)).append('\n');
    for (Stat s : stats) {
      List<String> fields = new ArrayList<>(List.of(s.cell().workload(), s.cell().allocator()));
      s.cell().parameters().values().forEach(v -> fields.add(v.asText()));
      fields.addAll(List.of(s.metric(), Integer.toString(s.n()), Numbers.format(s.mean()), Numbers.format(s.stddev()),
          Numbers.format(s.mean() - s.halfWidth()), Numbers.format(s.mean() + s.halfWidth())));
      out.append(Csv.line(fields)).append('\n');
    }
    return out.toString();
  }
}
