package io.offerlab.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The house style of every chart, plus series helpers that drop NaN points and thin long series. */
final class Plots {
  /** Most points drawn per series; longer series are averaged into this many buckets. */
  static final int MAX_POINTS = 1500;
  static final BasicStroke SOLID = new BasicStroke(2f);
  /** A thinner dashed line, for a second measure drawn in the same colour as the first. */
  static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {6f, 4f}, 0f);

  private Plots() {}

  /** Creates a line chart in the house style. */
  static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setMarkerSize(0);
    return chart;
  }

  /** Creates a bar chart in the house style. */
  static CategoryChart bars(int width, int height, String title, String xTitle, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setAvailableSpaceFill(0.8);
    return chart;
  }

  private static void style(AxesChartStyler styler) {
    styler.setLocale(Locale.ROOT);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(new Color(0x888888));
    styler.setPlotGridLinesColor(new Color(0xE4E4E4));
    styler.setPlotGridLinesStroke(new BasicStroke(1f));
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setToolTipsEnabled(false);
    styler.setAntiAlias(true);
  }

  /**
   * Adds a line series after dropping NaN points and averaging long series into {@link #MAX_POINTS} buckets; returns
   * null (and adds nothing) when no point is left. A line with exactly the points of one already drawn would be
   * hidden under it, so its legend entry says so: {@code priority (identical to drf)}.
   */
  static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
    return add(chart, name, x, y, colour, stroke, true);
  }

  /**
   * Adds one layer of a stacked area chart: like {@link #line}, but a layer whose top equals the one below has no area
   * (a zero share), which is what stacking shows, so the legend gets no note.
   */
  static XYSeries area(XYChart chart, String name, double[] x, double[] y, Color colour) {
    XYSeries series = add(chart, name, x, y, colour, SOLID, false);
    if (series != null) {
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    }
    return series;
  }

  private static XYSeries add(XYChart chart, String name, double[] x, double[] y, Color colour, BasicStroke stroke,
      boolean noteIdentical) {
    double[][] points = thin(x, y, MAX_POINTS);
    if (points[0].length == 0) {
      return null;
    }
    String same = noteIdentical ? identicalTo(chart, points[0], points[1]) : null;
    XYSeries series = chart.addSeries(same == null ? name : name + " (identical to " + same + ")", points[0],
        points[1]);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(colour);
    series.setLineStyle(stroke);
    series.setFillColor(colour);
    return series;
  }

  /** Returns the name (without notes) of a visible series with exactly these points, or null when there is none. */
  static String identicalTo(XYChart chart, double[] x, double[] y) {
    for (XYSeries other : chart.getSeriesMap().values()) {
      if (other.isShowInLegend() && Arrays.equals(other.getXData(), x) && Arrays.equals(other.getYData(), y)) {
        String name = other.getName();
        int note = name.indexOf(" (identical to ");
        return note < 0 ? name : name.substring(0, note);
      }
    }
    return null;
  }

  /**
   * Adds an invisible one-point series at an irrational fraction of the data range. XChart puts axis ticks at the data
   * values themselves when those are equally spaced (a time series, a CDF's k/n), which gives labels such as
   * 0.0336134; one point off the grid makes it choose round tick values instead.
   */
  static void roundTicks(XYChart chart) {
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (XYSeries series : chart.getSeriesMap().values()) {
      for (double x : series.getXData()) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
      for (double y : series.getYData()) {
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    if (!(minX < maxX) || !(minY <= maxY)) {
      return;
    }
    double fraction = Math.sqrt(2) - 1;
    double x = chart.getStyler().isXAxisLogarithmic() ? minX * Math.pow(maxX / minX, fraction)
        : minX + (maxX - minX) * fraction;
    double y = chart.getStyler().isYAxisLogarithmic() ? minY * Math.pow(maxY / minY, fraction)
        : minY + (maxY - minY) * fraction;
    XYSeries helper = chart.addSeries(" ", new double[] {x}, new double[] {y});
    helper.setMarker(SeriesMarkers.NONE);
    helper.setShowInLegend(false);
    helper.setLineColor(new Color(0, 0, 0, 0));
    helper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
  }

  /** Drops NaN points, then averages runs of consecutive points so that at most {@code max} remain. */
  static double[][] thin(double[] x, double[] y, int max) {
    int n = Math.min(x.length, y.length);
    double[] xs = new double[n];
    double[] ys = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i]) && !Double.isInfinite(x[i]) && !Double.isInfinite(y[i])) {
        xs[m] = x[i];
        ys[m] = y[i];
        m++;
      }
    }
    if (m <= max) {
      return new double[][] {Arrays.copyOf(xs, m), Arrays.copyOf(ys, m)};
    }
    double[] bx = new double[max];
    double[] by = new double[max];
    for (int b = 0; b < max; b++) {
      int from = (int) ((long) b * m / max);
      int to = (int) ((long) (b + 1) * m / max);
      double sx = 0;
      double sy = 0;
      for (int i = from; i < to; i++) {
        sx += xs[i];
        sy += ys[i];
      }
      bx[b] = sx / (to - from);
      by[b] = sy / (to - from);
    }
    return new double[][] {bx, by};
  }

  /** Multiplies every value by a factor (NaN stays NaN). */
  static double[] scale(double[] values, double factor) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] * factor;
    }
    return out;
  }

  /** A time axis unit chosen so that labels stay short: seconds, minutes, hours or days. */
  record TimeAxis(double secondsPerUnit, String unit) {
    static TimeAxis forSpan(double maxSeconds) {
      if (!(maxSeconds > 2 * 3600)) {
        return maxSeconds > 1200 ? new TimeAxis(60, "min") : new TimeAxis(1, "s");
      }
      return maxSeconds > 3 * 86400 ? new TimeAxis(86400, "days") : new TimeAxis(3600, "h");
    }

    double[] convert(double[] seconds) {
      return scale(seconds, 1 / secondsPerUnit);
    }

    String title() {
      return "simulated time (" + unit + ")";
    }
  }
}
