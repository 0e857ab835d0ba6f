package io.offerlab.reports.charts;

import io.offerlab.reports.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Cluster utilisation over time, one line per allocator (solid: allocated to tasks, dashed: used), and the resources
 * locked in outstanding offers (the Omega paper's "offer hoarding" cost).
 */
final class UtilisationCharts {
  private UtilisationCharts() {}

  static List<ChartFile> render(List<RunResults> runs, Palette palette, Path dir) {
    Plots.TimeAxis axis = ComparisonCharts.timeAxis(runs);
    List<ChartFile> files = new ArrayList<>();
    for (String[] resource : new String[][] {{"cpus", "CPU"}, {"mem", "memory"}}) {
      XYChart chart = Plots.xy(900, 480, "Cluster " + resource[1] + " utilisation",
          axis.title(), resource[1] + " (% of cluster)");
      chart.getStyler().setYAxisMin(0.0);
      for (RunResults run : runs) {
        double[] t = axis.convert(run.series().time());
        String r = resource[0];
        Plots.line(chart, run.name() + " allocated", t,
            Plots.scale(run.series().fraction(r + "_allocated", r + "_total"), 100),
            palette.allocator(run.name()), palette.allocatorLine(run.name(), false));
        Plots.line(chart, run.name() + " used", t, Plots.scale(run.series().fraction(r + "_used", r + "_total"), 100),
            palette.allocator(run.name()), palette.allocatorLine(run.name(), true));
      }
      if (!chart.getSeriesMap().isEmpty()) {
        files.add(ChartWriter.write(chart, dir, "utilisation-" + resource[0], "Utilisation"));
      }
    }
    XYChart locked = Plots.xy(900, 480, "Resources locked in outstanding offers", axis.title(), "% of cluster");
    locked.getStyler().setYAxisMin(0.0);
    for (RunResults run : runs) {
      double[] t = axis.convert(run.series().time());
      Plots.line(locked, run.name() + " CPUs", t, Plots.scale(run.series().fraction("cpus_offered", "cpus_total"), 100),
          palette.allocator(run.name()), palette.allocatorLine(run.name(), false));
      Plots.line(locked, run.name() + " memory", t,
          Plots.scale(run.series().fraction("mem_offered", "mem_total"), 100), palette.allocator(run.name()),
          palette.allocatorLine(run.name(), true));
    }
    if (!locked.getSeriesMap().isEmpty()) {
      files.add(ChartWriter.write(locked, dir, "offers-locked", "Offers"));
    }
    return files;
  }
}
