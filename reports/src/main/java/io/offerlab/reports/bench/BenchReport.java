package io.offerlab.reports.bench;

import io.offerlab.reports.charts.ChartFile;
import io.offerlab.reports.charts.ComparisonCharts;
import io.offerlab.reports.charts.LineChart;
import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders JMH results as scaling charts and tables: for each benchmark and mode, the score against the {@code agents}
 * parameter on log-log axes, one line per combination of the other parameters (allocator, frameworks), with JMH's
 * error as error bars; plus {@code bench.md} and {@code bench.csv}. Without an {@code agents} parameter the numeric
 * parameter with the most values is the x axis.
 */
public final class BenchReport {
  /** The parameter preferred as the x axis. */
  public static final String X_PARAM = "agents";

  /**
   * What was written.
   *
   * @param results the JMH results read
   * @param charts the charts written under {@code outDir/charts}
   */
  public record Rendered(List<JmhResult> results, List<ChartFile> charts) {}

  private BenchReport() {}

  /** Reads a JMH JSON file and writes bench.md, bench.csv and charts/*.png|svg into the folder. */
  public static Rendered render(Path jmhJson, Path outDir) {
    List<JmhResult> results = JmhResult.read(jmhJson);
    Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
    for (JmhResult r : results) {
      groups.computeIfAbsent(r.shortName() + " (" + r.mode() + ")", k -> new ArrayList<>()).add(r);
    }
    List<ChartFile> charts = new ArrayList<>();
    for (Map.Entry<String, List<JmhResult>> group : groups.entrySet()) {
      ChartFile chart = chart(group.getKey(), group.getValue(), outDir.resolve("charts"));
      if (chart != null) {
        charts.add(chart);
      }
    }
    AtomicFiles.write(outDir.resolve("bench.md"), markdown(results, charts));
    AtomicFiles.write(outDir.resolve("bench.csv"), csv(results));
    return new Rendered(results, charts);
  }

  private static ChartFile chart(String title, List<JmhResult> results, Path dir) {
    String x = xParam(results);
    if (x == null) {
      return null;
    }
    String unit = results.get(0).unit();
    Map<String, TreeMap<Double, double[]>> lines = new TreeMap<>();
    for (JmhResult r : results) {
      double xv = Double.parseDouble(r.params().get(x));
      double factor = TimeUnits.factor(r.unit(), unit);
      if (Double.isNaN(factor)) {
        continue;
      }
      StringBuilder key = new StringBuilder();
      r.params().forEach((k, v) -> {
        if (!k.equals(x)) {
          key.append(key.length() > 0 ? ", " : "").append(k).append('=').append(v);
        }
      });
      lines.computeIfAbsent(key.length() == 0 ? r.shortName() : key.toString(), k -> new TreeMap<>())
          .put(xv, new double[] {r.score() * factor, r.error() * factor});
    }
    List<LineChart.Line> series = new ArrayList<>();
    for (Map.Entry<String, TreeMap<Double, double[]>> line : lines.entrySet()) {
      double[] xs = line.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
      double[] ys = line.getValue().values().stream().mapToDouble(v -> v[0]).toArray();
      double[] es = line.getValue().values().stream().mapToDouble(v -> v[1]).toArray();
      for (int i = 0; i < es.length; i++) {
        // keep error bars inside the positive half of a log axis
        es[i] = Double.isNaN(es[i]) ? 0 : Math.min(es[i], ys[i] * 0.999);
      }
      series.add(new LineChart.Line(line.getKey(), xs, ys, es));
    }
    return LineChart.write(dir, "bench-" + ComparisonCharts.slug(title), "Benchmarks", title, x + ", log scale",
        (unit.endsWith("/op") ? "time per operation (" : "score (") + unit + "), log scale", true, true, series);
  }

  /** Picks the x-axis parameter: {@value #X_PARAM} when all results have it, else the numeric one with most values. */
  static String xParam(List<JmhResult> results) {
    Map<String, TreeSet<Double>> numeric = new TreeMap<>();
    for (String name : results.get(0).params().keySet()) {
      TreeSet<Double> values = new TreeSet<>();
      boolean ok = true;
      for (JmhResult r : results) {
        String v = r.params().get(name);
        try {
          double d = Double.parseDouble(v == null ? "x" : v);
          ok &= d > 0;
          values.add(d);
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (ok) {
        numeric.put(name, values);
      }
    }
    if (numeric.containsKey(X_PARAM)) {
      return X_PARAM;
    }
    return numeric.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .max(Comparator.comparingInt(e -> e.getValue().size())).map(Map.Entry::getKey).orElse(null);
  }

  private static String markdown(List<JmhResult> results, List<ChartFile> charts) {
    TreeSet<String> params = new TreeSet<>();
    TreeSet<String> secondary = new TreeSet<>();
    results.forEach(r -> {
      params.addAll(r.params().keySet());
      secondary.addAll(r.secondary().keySet());
    });
    StringBuilder out = new StringBuilder("# Offer-cycle benchmarks (JMH)\n\n");
    List<String> header = new ArrayList<>(List.of("benchmark", "mode"));
    header.addAll(params);
    header.addAll(List.of("score", "error", "unit"));
    header.addAll(secondary);
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(h -> out.append(" --- |"));
    out.append('\n');
    for (JmhResult r : results) {
      List<String> row = new ArrayList<>(List.of(r.shortName(), r.mode()));
      params.forEach(p -> row.add(r.params().getOrDefault(p, "")));
      row.addAll(List.of(Numbers.format(r.score()), Numbers.format(r.error()), r.unit()));
      secondary.forEach(s -> row.add(Numbers.format(r.secondary().getOrDefault(s, Double.NaN))));
      out.append("| ").append(String.join(" | ", row.stream().map(c -> c.isEmpty() ? "n/a" : c).toList()))
          .append(" |\n");
    }
    if (!charts.isEmpty()) {
      out.append('\n');
      charts.forEach(c -> out.append("![").append(c.title()).append("](charts/").append(c.svg()).append(")\n"));
    }
    return out.toString();
  }

  private static String csv(List<JmhResult> results) {
    TreeSet<String> params = new TreeSet<>();
    TreeSet<String> secondary = new TreeSet<>();
    results.forEach(r -> {
      params.addAll(r.params().keySet());
      secondary.addAll(r.secondary().keySet());
    });
    List<String> header = new ArrayList<>(List.of("benchmark", "mode"));
    params.forEach(p -> header.add("param:" + p));
    header.addAll(List.of("score", "score_error", "unit"));
    secondary.forEach(s -> header.add("secondary:" + s));
    StringBuilder out = new StringBuilder(Csv.line(header)).append('\n');
    for (JmhResult r : results) {
      List<String> row = new ArrayList<>(List.of(r.benchmark(), r.mode()));
      params.forEach(p -> row.add(r.params().getOrDefault(p, "")));
      row.addAll(List.of(Numbers.format(r.score()), Numbers.format(r.error()), r.unit()));
      secondary.forEach(s -> row.add(Numbers.format(r.secondary().getOrDefault(s, Double.NaN))));
      out.append(Csv.line(row)).append('\n');
    }
    return out.toString();
  }
}
