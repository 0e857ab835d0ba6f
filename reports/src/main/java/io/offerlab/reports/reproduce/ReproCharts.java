package io.offerlab.reports.reproduce;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG figures of the reproductions, drawn with XChart. */
final class ReproCharts {
  private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0x7f7f7f)};

  private ReproCharts() {}

  /** Writes a grouped bar chart: one group per category, one bar per series (values in category order). */
  static void bars(Path png, String title, String xTitle, String yTitle, List<String> categories,
      Map<String, double[]> series) {
    CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setSeriesColors(COLOURS);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisLabelRotation(20);
    for (var e : series.entrySet()) {
      chart.addSeries(e.getKey(), categories, toList(e.getValue()));
    }
    save(chart, png);
  }

  /** Writes a line chart with markers; x on a log scale when asked. */
  static void lines(Path png, String title, String xTitle, String yTitle, boolean logX, double[] x,
      Map<String, double[]> series) {
    XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
        .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setSeriesColors(COLOURS);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    for (var e : series.entrySet()) {
      chart.addSeries(e.getKey(), x, e.getValue()).setMarker(SeriesMarkers.CIRCLE);
    }
    save(chart, png);
  }

  private static List<Double> toList(double[] v) {
    return java.util.Arrays.stream(v).map(d -> Double.isNaN(d) ? 0 : d).boxed().toList();
  }

  private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path png) {
    try {
      BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png, e);
    }
  }
}
