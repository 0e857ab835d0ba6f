package io.offerlab.reports.charts;

import io.offerlab.reports.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws every chart of a comparison from the runs' results files. The first run is the baseline of relative charts;
 * frameworks beyond the top N by CPU share are grouped as "other".
 */
public final class ComparisonCharts {
  /** The default number of frameworks drawn individually. */
  public static final int DEFAULT_TOP_FRAMEWORKS = 8;

  private ComparisonCharts() {}

  /** Writes the charts as PNG and SVG into {@code dir} and returns them in report order. */
  public static List<ChartFile> render(List<RunResults> runs, Path dir, int topFrameworks) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs to chart");
    }
    if (topFrameworks < 1) {
      throw new IllegalArgumentException("--top-frameworks: expected at least 1, found " + topFrameworks);
    }
    FrameworkRanking ranking = FrameworkRanking.of(runs, topFrameworks);
    Palette palette = new Palette(ranking.top(), runs.stream().map(RunResults::name).toList());
    List<ChartFile> files = new ArrayList<>();
    files.addAll(UtilisationCharts.render(runs, palette, dir));
    files.addAll(ShareCharts.render(runs, ranking, palette, dir));
    files.addAll(JobCharts.render(runs, palette, dir));
    files.addAll(OfferCharts.render(runs, palette, dir));
    return files;
  }

  static Plots.TimeAxis timeAxis(List<RunResults> runs) {
    double max = 0;
    for (RunResults run : runs) {
      double[] t = run.series().time();
      if (t.length > 0) {
        max = Math.max(max, t[t.length - 1]);
      }
    }
    return Plots.TimeAxis.forSpan(max);
  }

  /** Returns a file-name-safe slug of the text, made unique among {@code used} with a numeric suffix. */
  static String uniqueSlug(String text, List<String> used) {
    String slug = slug(text);
    String candidate = slug;
    for (int i = 2; used.contains(candidate); i++) {
      candidate = slug + "-" + i;
    }
    used.add(candidate);
    return candidate;
  }

  /** Returns the text lower-cased with every run of characters other than a-z, 0-9, '.', '_' and '-' turned to '-'. */
  public static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    return s.isEmpty() ? "x" : s;
  }
}
