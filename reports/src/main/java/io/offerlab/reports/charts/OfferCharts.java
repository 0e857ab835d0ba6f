package io.offerlab.reports.charts;

import io.offerlab.reports.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;

/** Offer counters per allocator from results.json: offers made, accepted, declined and rescinded. */
final class OfferCharts {
  private static final List<String> COUNTERS = List.of("made", "accepted", "declined", "rescinded");

  private OfferCharts() {}

  static List<ChartFile> render(List<RunResults> runs, Palette palette, Path dir) {
    CategoryChart chart = Plots.bars(900, 480, "Offers per allocator", "offer outcome", "offers");
    chart.getStyler().setYAxisMin(0.0);
    for (RunResults run : runs) {
      List<Double> values = new ArrayList<>();
      boolean any = false;
      for (String counter : COUNTERS) {
        double v = run.summary().metric("offers_" + counter);
        any |= !Double.isNaN(v);
        values.add(Double.isNaN(v) ? 0.0 : v);
      }
      if (any) {
        chart.addSeries(run.name(), COUNTERS, values).setFillColor(palette.allocator(run.name()));
      }
    }
    return chart.getSeriesMap().isEmpty() ? List.of() : List.of(ChartWriter.write(chart, dir, "offers", "Offers"));
  }
}
