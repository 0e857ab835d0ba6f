package io.offerlab.reports.charts;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of several series with optional error bars and log axes, for sweeps (a metric against a parameter
 * with confidence intervals over seeds, as in the Omega paper's figures) and benchmarks (time per cycle against
 * agents).
 */
public final class LineChart {
  /**
   * One line.
   *
   * @param name the legend entry
   * @param x the x values
   * @param y the y values
   * @param errors half-widths of the error bars, or null for none
   */
  public record Line(String name, double[] x, double[] y, double[] errors) {}

  private LineChart() {}

  /**
   * Writes the chart as {@code dir/name.png} and {@code .svg}, returning null when no line has a point.
   *
   * @param section the report section the chart belongs to
   */
  public static ChartFile write(Path dir, String name, String section, String title, String xTitle, String yTitle,
      boolean logX, boolean logY, List<Line> lines) {
    return write(dir, name, section, title, xTitle, yTitle, logX, logY, lines, false);
  }

  /**
   * Writes the chart; with {@code allocatorColours} the lines are named by allocator and take the allocators' fixed
   * colours (as in comparison charts), otherwise the colours of a list in line order.
   */
  public static ChartFile write(Path dir, String name, String section, String title, String xTitle, String yTitle,
      boolean logX, boolean logY, List<Line> lines, boolean allocatorColours) {
    Palette palette = new Palette(List.of(), lines.stream().map(Line::name).toList());
    XYChart chart = Plots.xy(900, 500, title, xTitle, yTitle);
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    chart.getStyler().setMarkerSize(7);
    if (logX) {
      chart.getStyler().setXAxisDecimalPattern("#0.###");
    }
    if (logY) {
      chart.getStyler().setYAxisDecimalPattern("#0.###");
    }
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      int n = 0;
      for (int k = 0; k < line.x().length; k++) {
        if (usable(line, k, logX, logY)) {
          n++;
        }
      }
      if (n == 0) {
        continue;
      }
      double[] x = new double[n];
      double[] y = new double[n];
      double[] e = new double[n];
      for (int k = 0, j = 0; k < line.x().length; k++) {
        if (usable(line, k, logX, logY)) {
          x[j] = line.x()[k];
          y[j] = line.y()[k];
          e[j] = line.errors() == null || Double.isNaN(line.errors()[k]) ? 0 : line.errors()[k];
          j++;
        }
      }
      XYSeries series = line.errors() == null ? chart.addSeries(line.name(), x, y)
          : chart.addSeries(line.name(), x, y, e);
      Color colour = allocatorColours ? palette.allocator(line.name()) : Palette.nth(i);
      series.setLineColor(colour);
      series.setMarkerColor(colour);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setLineStyle(Plots.SOLID);
    }
    if (chart.getSeriesMap().isEmpty()) {
      return null;
    }
    return ChartWriter.write(chart, dir, name, section);
  }

  private static boolean usable(Line line, int k, boolean logX, boolean logY) {
    double x = line.x()[k];
    double y = line.y()[k];
    return Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
  }
}
