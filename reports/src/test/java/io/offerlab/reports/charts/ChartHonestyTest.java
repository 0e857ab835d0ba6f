package io.offerlab.reports.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * Charts do not mislead: a tiny difference does not fill the job-size axis, and a line drawn exactly over another
 * says so in the legend instead of vanishing.
 */
class ChartHonestyTest {
  @Test
  void jobSizeAxisSpansAtLeastFivePointsEitherSide() {
    assertArrayEquals(new double[] {-5, 5}, JobCharts.axisRange(0, 7.7e-6));
    assertArrayEquals(new double[] {-5, 5}, JobCharts.axisRange(-1e-9, 0));
    assertArrayEquals(new double[] {-20, 60}, JobCharts.axisRange(-20, 60));
  }

  @Test
  void aLineHiddenUnderAnIdenticalOneIsNotedInTheLegend() {
    XYChart chart = Plots.xy(400, 300, "t", "x", "y");
    double[] x = {0, 1, 2};
    double[] y = {0.5, 0.75, 1};
    Plots.line(chart, "drf", x, y, Color.RED, Plots.SOLID);
    Plots.line(chart, "priority", x, y, Color.BLUE, Plots.SOLID);
    Plots.line(chart, "random", x, y, Color.GREEN, Plots.SOLID);
    Plots.line(chart, "static", x, new double[] {0.5, 0.7, 1}, Color.BLACK, Plots.SOLID);
    assertEquals(List.of("drf", "priority (identical to drf)", "random (identical to drf)", "static"),
        List.copyOf(chart.getSeriesMap().keySet()));

    XYChart stacked = Plots.xy(400, 300, "t", "x", "y");
    Plots.area(stacked, "b", x, y, Color.RED);
    Plots.area(stacked, "a", x, y, Color.BLUE);
    assertEquals(List.of("b", "a"), List.copyOf(stacked.getSeriesMap().keySet()),
        "a stacked layer equal to the one above has a zero share: nothing is hidden");
  }
}
