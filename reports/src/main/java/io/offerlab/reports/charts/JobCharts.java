package io.offerlab.reports.charts;

import io.offerlab.reports.results.JobMatch;
import io.offerlab.reports.results.RunResults;
import io.offerlab.simcore.results.JobRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Job-level charts: CDFs of completion and wait time (one line per allocator), and the reduction of completion time
 * against the baseline allocator by job size, as bars (the DRF paper's presentation, Ghodsi et al., NSDI 2011). Jobs
 * are matched by id, so only jobs that completed under both allocators count.
 */
final class JobCharts {
  /** Job-size bins by task count: lower bound inclusive, upper bound inclusive. */
  static final int[][] SIZE_BINS = {{1, 1}, {2, 10}, {11, 50}, {51, 100}, {101, 500}, {501, 1000},
      {1001, Integer.MAX_VALUE}};
  private static final int CDF_POINTS = 1000;

  private JobCharts() {}

  static List<ChartFile> render(List<RunResults> runs, Palette palette, Path dir) {
    List<ChartFile> files = new ArrayList<>();
    cdf(runs, palette, dir, "cdf-jct", "CDF of job completion time", "job completion time (s)", JobRecord::jct)
        .forEach(files::add);
    cdf(runs, palette, dir, "cdf-wait", "CDF of job wait time (arrival to first task start)", "wait time (s)",
        JobRecord::waitTime).forEach(files::add);
    if (runs.size() > 1) {
      bySize(runs, palette, dir).forEach(files::add);
    }
    return files;
  }

  private static List<ChartFile> cdf(List<RunResults> runs, Palette palette, Path dir, String name, String title,
      String xTitle, ToDoubleFunction<JobRecord> metric) {
    List<double[]> sorted = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (RunResults run : runs) {
      double[] values = run.jobs().stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).sorted().toArray();
      sorted.add(values);
      if (values.length > 0) {
        min = Math.min(min, values[0]);
        max = Math.max(max, values[values.length - 1]);
      }
    }
    boolean log = min > 0 && max / min >= 100;
    XYChart chart = Plots.xy(900, 480, title, xTitle + (log ? ", log scale" : ""), "fraction of jobs");
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setXAxisLogarithmic(log);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    for (int r = 0; r < runs.size(); r++) {
      double[][] points = cdfPoints(sorted.get(r));
      String run = runs.get(r).name();
      Plots.line(chart, run, points[0], points[1], palette.allocator(run), palette.allocatorLine(run, false));
    }
    return chart.getSeriesMap().isEmpty() ? List.of() : List.of(ChartWriter.write(chart, dir, name, "Jobs"));
  }

  /** Returns the empirical CDF as (value, fraction at or below) points, at most {@link #CDF_POINTS} of them. */
  static double[][] cdfPoints(double[] sorted) {
    int n = sorted.length;
    int m = Math.min(n, CDF_POINTS);
    double[] x = new double[m];
    double[] y = new double[m];
    for (int k = 0; k < m; k++) {
      int i = m == n ? k : (int) Math.min(n - 1, Math.round((double) (k + 1) * n / m) - 1);
      x[k] = sorted[i];
      y[k] = (i + 1) / (double) n;
    }
    return new double[][] {x, y};
  }

  private static List<ChartFile> bySize(List<RunResults> runs, Palette palette, Path dir) {
    RunResults baseline = runs.get(0);
    List<String> labels = new ArrayList<>();
    List<int[]> bins = new ArrayList<>();
    for (int[] bin : SIZE_BINS) {
      boolean any = false;
      for (RunResults run : runs.subList(1, runs.size())) {
        any |= JobMatch.sums(baseline.jobs(), run.jobs(), j -> inBin(j, bin))[2] > 0;
      }
      if (any) {
        bins.add(bin);
        labels.add(label(bin));
      }
    }
    if (bins.isEmpty()) {
      return List.of();
    }
    CategoryChart chart = Plots.bars(900, 480, "Job completion time by job size, relative to " + baseline.name(),
        "job size (tasks)", "reduction in completion time vs " + baseline.name() + " (%)");
    double lowest = 0;
    double highest = 0;
    for (RunResults run : runs.subList(1, runs.size())) {
      double[] reduction = new double[bins.size()];
      for (int b = 0; b < bins.size(); b++) {
        int[] bin = bins.get(b);
        double[] sums = JobMatch.sums(baseline.jobs(), run.jobs(), j -> inBin(j, bin));
        reduction[b] = sums[2] == 0 || sums[0] == 0 ? 0 : 100 * (1 - sums[1] / sums[0]);
        lowest = Math.min(lowest, reduction[b]);
        highest = Math.max(highest, reduction[b]);
      }
      chart.addSeries(run.name(), labels, Arrays.stream(reduction).boxed().toList())
          .setFillColor(palette.allocator(run.name()));
    }
    double[] range = axisRange(lowest, highest);
    chart.getStyler().setYAxisMin(range[0]);
    chart.getStyler().setYAxisMax(range[1]);
    return List.of(ChartWriter.write(chart, dir, "jct-by-size", "Jobs"));
  }

  /** The smallest span of the reduction axis, in percentage points either side of 0. */
  static final double MIN_REDUCTION_RANGE = 5;

  /**
   * Returns the reduction axis' {min, max}: at least {@link #MIN_REDUCTION_RANGE} points either side of 0, so that a
   * difference of a few millionths of a percent stays a sliver instead of filling the axis.
   */
  static double[] axisRange(double lowest, double highest) {
    return new double[] {Math.min(-MIN_REDUCTION_RANGE, lowest), Math.max(MIN_REDUCTION_RANGE, highest)};
  }

  private static boolean inBin(JobRecord job, int[] bin) {
    return job.tasks() >= bin[0] && job.tasks() <= bin[1];
  }

  private static String label(int[] bin) {
    if (bin[1] == Integer.MAX_VALUE) {
      return ">" + (bin[0] - 1);
    }
    return bin[0] == bin[1] ? Integer.toString(bin[0]) : bin[0] + "-" + bin[1];
  }
}
