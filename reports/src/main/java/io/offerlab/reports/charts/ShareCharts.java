package io.offerlab.reports.charts;

import io.offerlab.reports.results.RunResults;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Framework shares over time: one panel per framework with one line per allocator (the Mesos paper's macrobenchmark,
 * NSDI 2011, section 6.1: static partitioning against Mesos), stacked CPU shares under each allocator, both dominant
 * shares per framework (the allocator's, running tasks plus offers with disk, which DRF equalises, solid; the
 * running tasks', dashed), and Jain's fairness index of the allocator's dominant shares (1 = perfectly fair).
 */
final class ShareCharts {
  private ShareCharts() {}

  static List<ChartFile> render(List<RunResults> runs, FrameworkRanking ranking, Palette palette, Path dir) {
    Plots.TimeAxis axis = ComparisonCharts.timeAxis(runs);
    List<ChartFile> files = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (String fw : ranking.top()) {
      XYChart chart = Plots.xy(600, 380, "Share of cluster CPUs: " + fw, axis.title(), "CPUs (% of cluster)");
      chart.getStyler().setYAxisMin(0.0);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
      for (RunResults run : runs) {
        if (run.series().frameworks().contains(fw)) {
          Plots.line(chart, run.name(), axis.convert(run.series().time()),
              Plots.scale(run.series().cpuShare(fw), 100), palette.allocator(run.name()),
              palette.allocatorLine(run.name(), false));
        }
      }
      if (!chart.getSeriesMap().isEmpty()) {
        files.add(ChartWriter.write(chart, dir, ComparisonCharts.uniqueSlug("share-" + fw, used), "Framework shares"));
      }
    }
    for (RunResults run : runs) {
      stacked(run, ranking, palette, axis, dir, used).ifPresent(files::add);
    }
    for (RunResults run : runs) {
      XYChart chart = Plots.xy(900, 480, "Dominant shares per framework under " + run.name(), axis.title(),
          "dominant share (%)");
      chart.getStyler().setYAxisMin(0.0);
      double[] t = axis.convert(run.series().time());
      for (String fw : ranking.top()) {
        if (run.series().frameworks().contains(fw)) {
          double[] allocator = run.series().allocatorShare(fw);
          if (allocator != null) {
            Plots.line(chart, fw + " (allocator: tasks + offers)", t, Plots.scale(allocator, 100), palette.framework(fw), Plots.SOLID);
          }
          Plots.line(chart, fw + " (running tasks)", t, Plots.scale(run.series().dominantShare(fw), 100),
              palette.framework(fw), allocator != null ? Plots.DASHED : Plots.SOLID);
        }
      }
      if (!chart.getSeriesMap().isEmpty()) {
        files.add(ChartWriter.write(chart, dir, ComparisonCharts.uniqueSlug("dominant-share-" + run.name(), used),
            "Fairness"));
      }
    }
    XYChart jain = Plots.xy(900, 480, "Jain's fairness index of the allocator's dominant shares", axis.title(),
        "Jain's index (1 = fair)");
    jain.getStyler().setYAxisMin(0.0);
    jain.getStyler().setYAxisMax(1.0);
    for (RunResults run : runs) {
      Plots.line(jain, run.name(), axis.convert(run.series().time()), run.series().column("jain"),
          palette.allocator(run.name()), palette.allocatorLine(run.name(), false));
    }
    if (!jain.getSeriesMap().isEmpty()) {
      files.add(ChartWriter.write(jain, dir, "fairness", "Fairness"));
    }
    return files;
  }

  /** Stacks CPU shares by painting cumulative areas from the top of the stack down, each over the one before. */
  private static Optional<ChartFile> stacked(RunResults run, FrameworkRanking ranking, Palette palette,
      Plots.TimeAxis axis, Path dir, List<String> used) {
    List<String> names = new ArrayList<>();
    List<double[]> layers = new ArrayList<>();
    for (String fw : ranking.top()) {
      if (run.series().frameworks().contains(fw)) {
        names.add(fw);
        layers.add(run.series().cpuShare(fw));
      }
    }
    if (ranking.hasOther()) {
      names.add(FrameworkRanking.OTHER);
      layers.add(ranking.otherCpuShare(run.series()));
    }
    if (names.isEmpty()) {
      return Optional.empty();
    }
    int n = run.series().size();
    double[][] cumulative = new double[names.size()][n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = 0; k < names.size(); k++) {
        double v = layers.get(k)[i];
        sum += Double.isNaN(v) ? 0 : v;
        cumulative[k][i] = 100 * sum;
      }
    }
    XYChart chart = Plots.xy(900, 480, "Framework shares of cluster CPUs under " + run.name(), axis.title(),
        "CPUs (% of cluster)");
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    double[] t = axis.convert(run.series().time());
    for (int k = names.size() - 1; k >= 0; k--) {
      Color colour = palette.framework(names.get(k));
      Plots.area(chart, names.get(k), t, cumulative[k], colour);
    }
    if (chart.getSeriesMap().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ChartWriter.write(chart, dir,
        ComparisonCharts.uniqueSlug("stacked-shares-" + run.name(), used), "Framework shares"));
  }
}
