package io.offerlab.reports.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.reports.ParallelRuns;
import io.offerlab.reports.charts.ChartFile;
import io.offerlab.reports.charts.ComparisonCharts;
import io.offerlab.reports.charts.LineChart;
import io.offerlab.simcore.results.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code offerlab sweep}: runs a sweep's matrix (or one shard of it), then writes {@code sweep.csv}, {@code
 * sweep-ci.csv} (mean and 95% confidence interval over seeds), charts of each metric against each parameter, and
 * {@code index.html}. A shard writes only its runs and {@code shard-I-of-N.csv}; {@link #merge} combines the shards.
 * Every table and chart is derived from the runs' results.json, so a resumed, sharded or merged sweep gives the same
 * sweep.csv as one uninterrupted run.
 */
public final class Sweep {
  /**
   * What a sweep command did.
   *
   * @param cells cells in this shard (the whole matrix when unsharded or merged)
   * @param ran cells simulated now
   * @param table the combined CSV written
   */
  public record Outcome(int cells, int ran, Path table) {}

  private static final Pattern DURATION =
      Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(us|ms|s|m|h|d)?\\s*");

  private Sweep() {}

  /** Runs the shard's cells that are not done yet, then writes the combined outputs. */
  public static Outcome run(SweepConfig config, Shard shard, Path out, int threads, SweepRunner.Simulator simulator,
      SweepRunner.Listener listener) {
    simulator.check(config);
    List<SweepCell> all = SweepMatrix.cells(config);
    List<SweepCell> mine = SweepMatrix.shard(all, shard);
    int ran = SweepRunner.run(config, mine, out, threads, simulator, listener);
    if (!shard.isAll()) {
      Path table = out.resolve("shard-" + shard.index() + "-of-" + shard.count() + ".csv");
      AtomicFiles.write(table, SweepTable.of(config, mine, c -> resultsIn(out, c)).csv());
      return new Outcome(mine.size(), ran, table);
    }
    return new Outcome(all.size(), ran, finish(config, all, out));
  }

  /**
   * Combines shards: every cell's results must be in {@code out/runs} or in one of the {@code inputs} folders (the
   * --out folders of shards run elsewhere), from which they are copied into {@code out/runs}.
   */
  public static Outcome merge(SweepConfig config, Path out, List<Path> inputs) {
    List<SweepCell> all = SweepMatrix.cells(config);
    List<String> missing = new ArrayList<>();
    for (SweepCell cell : all) {
      if (SweepRunner.isDone(out, cell)) {
        continue;
      }
      Path source = inputs.stream().filter(dir -> SweepRunner.isDone(dir, cell)).findFirst().orElse(null);
      if (source == null) {
        missing.add(cell.id());
      } else {
        copyTree(SweepRunner.runFolder(source, cell), SweepRunner.runFolder(out, cell));
      }
    }
    if (!missing.isEmpty()) {
      throw new SweepException(String.format(Locale.ROOT, "sweep --merge: %d of %d runs have no results.json in %s "
          + "or the given shard folders, e.g. runs/%s; run the missing shards first", missing.size(), all.size(), out,
          missing.get(0)));
    }
    return new Outcome(all.size(), 0, finish(config, all, out));
  }

  private static Path resultsIn(Path out, SweepCell cell) {
    return SweepRunner.runFolder(out, cell).resolve("results.json");
  }

  private static Path finish(SweepConfig config, List<SweepCell> all, Path out) {
    SweepTable table = SweepTable.of(config, all, c -> resultsIn(out, c));
    Path csv = out.resolve("sweep.csv");
    AtomicFiles.write(csv, table.csv());
    List<SweepTable.Stat> stats = table.stats(config.metrics(), config.file().toString());
    AtomicFiles.write(out.resolve("sweep-ci.csv"), SweepTable.statsCsv(config, stats));
    List<ChartFile> charts = charts(config, stats, out.resolve("charts"));
    AtomicFiles.write(out.resolve("index.html"), html(config, charts));
    return csv;
  }

  /** Draws each metric against each numeric parameter, one line per allocator, other parameters held fixed. */
  private static List<ChartFile> charts(SweepConfig config, List<SweepTable.Stat> stats, Path dir) {
    List<ChartFile> files = new ArrayList<>();
    for (String param : config.parameters().keySet()) {
      List<JsonNode> values = config.parameters().get(param);
      double[] xs = values.stream().mapToDouble(Sweep::numeric).toArray();
      if (xs.length < 2 || Arrays.stream(xs).anyMatch(Double::isNaN)) {
        continue;
      }
      double min = Arrays.stream(xs).min().orElse(0);
      double max = Arrays.stream(xs).max().orElse(0);
      boolean logX = min > 0 && max / min >= 50;
      for (String metric : config.metrics()) {
        Map<String, Map<String, double[][]>> charts = new LinkedHashMap<>();
        for (SweepTable.Stat s : stats) {
          if (!s.metric().equals(metric)) {
            continue;
          }
          StringBuilder key = new StringBuilder(s.cell().workload());
          s.cell().parameters().forEach((k, v) -> {
            if (!k.equals(param)) {
              key.append('\u0000').append(k).append('=').append(v.asText());
            }
          });
          double[][] line = charts.computeIfAbsent(key.toString(), k -> new LinkedHashMap<>())
              .computeIfAbsent(s.cell().allocator(), a -> new double[3][xs.length]);
          int i = values.indexOf(s.cell().parameters().get(param));
          line[0][i] = xs[i];
          line[1][i] = s.mean();
          line[2][i] = s.halfWidth();
        }
        for (Map.Entry<String, Map<String, double[][]>> chart : charts.entrySet()) {
          String[] parts = chart.getKey().split("\u0000");
          StringBuilder name = new StringBuilder("sweep-").append(metric).append("-vs-").append(param);
          StringBuilder subtitle = new StringBuilder();
          if (config.workloads().size() > 1) {
            name.append('-').append(parts[0]);
            subtitle.append(parts[0]);
          }
          for (int p = 1; p < parts.length; p++) {
            name.append('-').append(parts[p]);
            subtitle.append(subtitle.length() > 0 ? ", " : "").append(parts[p]);
          }
          List<LineChart.Line> lines = new ArrayList<>();
          chart.getValue().forEach((allocator, l) -> lines.add(new LineChart.Line(allocator, l[0], l[1], l[2])));
          String title = metric + " vs " + param + (subtitle.length() > 0 ? " (" + subtitle + ")" : "");
          ChartFile file = LineChart.write(dir, ComparisonCharts.slug(name.toString()), "Sweep", title,
              param + (values.stream().anyMatch(JsonNode::isTextual) ? " (s)" : "") + (logX ? ", log scale" : ""),
              metric + unit(metric) + ", mean and 95% CI over " + config.seeds().size() + " seeds", logX, false,
              lines, true);
          if (file != null) {
            files.add(file);
          }
        }
      }
    }
    return files;
  }

  private static String unit(String metric) {
    String base = metric.contains(":") ? metric.substring(0, metric.indexOf(':')) : metric;
    if (base.endsWith("_s")) {
      return " (s)";
    }
    if (base.startsWith("cpus_") || base.startsWith("mem_")) {
      return " (fraction of cluster)";
    }
    return "";
  }

  /** Returns a parameter value as a number: numbers as they are, durations such as 100ms in seconds, else NaN. */
  static double numeric(JsonNode value) {
    if (value.isNumber()) {
      return value.asDouble();
    }
    Matcher m = DURATION.matcher(value.asText());
    if (!m.matches()) {
      return Double.NaN;
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return number * switch (unit) {
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "m" -> 60;
      case "h" -> 3600;
      case "d" -> 86400;
      default -> 1;
    };
  }

  private static String html(SweepConfig config, List<ChartFile> charts) {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        + "<title>Offerlab sweep</title>\n<style>body{font-family:system-ui,'DejaVu Sans',sans-serif;max-width:1320px;"
        + "margin:2em auto;padding:0 1em}img{max-width:100%;border:1px solid #eee}pre{background:#f6f6f6;"
        + "padding:.8em}</style>\n</head>\n<body>\n<h1>Offerlab sweep</h1>\n");
    out.append("<p>").append(esc(String.join(", ", config.allocators()))).append(" on ")
        .append(esc(String.join(", ", config.workloads()))).append(", seeds ").append(esc(config.seeds().toString()))
        .append(". Tables: <a href=\"sweep.csv\">sweep.csv</a> (one row per run), <a href=\"sweep-ci.csv\">"
            + "sweep-ci.csv</a> (mean and 95% confidence interval over seeds, Student's t).</p>\n");
    for (ChartFile chart : charts) {
      out.append("<figure><a href=\"charts/").append(esc(chart.png())).append("\"><img src=\"charts/")
          .append(esc(chart.svg())).append("\" alt=\"").append(esc(chart.title())).append("\"/></a><figcaption>")
          .append(esc(chart.title())).append("</figcaption></figure>\n");
    }
    try {
      out.append("<h2>Sweep file</h2>\n<pre>").append(esc(Files.readString(config.file()))).append("</pre>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append("</body>\n</html>\n").toString();
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
      ParallelRuns.deleteTree(tmp);
      for (Path p : walk.toList()) {
        Path target = tmp.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      ParallelRuns.deleteTree(to);
      Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
