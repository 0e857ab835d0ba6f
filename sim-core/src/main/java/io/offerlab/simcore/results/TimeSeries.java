package io.offerlab.simcore.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's {@code timeseries.csv}: one row per sample interval with cluster totals, allocated, used and offered
 * resources, Jain's index, and each framework's dominant share ({@code share:<fw>}), CPUs ({@code cpus:<fw>}) and
 * allocator's dominant share ({@code allocator_share:<fw>}).
 */
public final class TimeSeries {
  private static final List<String> REQUIRED = ResultsKeys.TIMESERIES_COLUMNS.subList(0, 9);

  private final Map<String, double[]> columns;
  private final List<String> frameworks;
  private final int size;

  private TimeSeries(Map<String, double[]> columns, List<String> frameworks, int size) {
    this.columns = columns;
    this.frameworks = List.copyOf(frameworks);
    this.size = size;
  }

  /**
   * Reads a timeseries.csv; the time, CPU and memory columns are required, and time must not decrease. The file is
   * streamed into numeric columns, so long traces with many frameworks are never held as text.
   */
  public static TimeSeries read(Path file) {
    String name = file.toString();
    List<List<String>> header = new ArrayList<>();
    List<DoubleColumn> columns = new ArrayList<>();
    int[] time = {-1};
    double[] last = {Double.NEGATIVE_INFINITY};
    List<String> names = Csv.forEachRow(file, h -> {
      header.add(h);
      for (String column : REQUIRED) {
        if (!h.contains(column)) {
          throw new ResultsException(name + ":1: expected a column named '" + column + "' in the header");
        }
      }
      time[0] = h.indexOf(ResultsKeys.TIME_S);
      h.forEach(c -> columns.add(new DoubleColumn()));
    }, (line, fields) -> {
      for (int c = 0; c < fields.length; c++) {
        double v = Csv.parse(name, line, header.get(0), c, fields[c]);
        if (c == time[0] && (Double.isNaN(v) || v < last[0])) {
          throw new ResultsException(name + ":" + line + ": expected time_s to be a number no smaller than the row"
              + " before, found '" + fields[c] + "'");
        }
        if (c == time[0]) {
          last[0] = v;
        }
        columns.get(c).add(v);
      }
    });
    Map<String, double[]> byName = new HashMap<>();
    List<String> frameworks = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      byName.putIfAbsent(names.get(c), columns.get(c).toArray());
      if (names.get(c).startsWith(ResultsKeys.SHARE_PREFIX)) {
        frameworks.add(names.get(c).substring(ResultsKeys.SHARE_PREFIX.length()));
      }
    }
    return new TimeSeries(byName, frameworks, columns.isEmpty() ? 0 : columns.get(0).size);
  }

  /** A growable column of doubles. */
  private static final class DoubleColumn {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    double[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Returns the number of rows. */
  public int size() {
    return size;
  }

  /** Returns the framework names with a {@code share:} column, in file order (name order). */
  public List<String> frameworks() {
    return frameworks;
  }

  /** Returns whether the column exists. */
  public boolean has(String column) {
    return columns.containsKey(column);
  }

  /** Returns a copy of a column, or all-NaN when it is absent. */
  public double[] column(String column) {
    double[] values = columns.get(column);
    if (values == null) {
      double[] nan = new double[size];
      Arrays.fill(nan, Double.NaN);
      return nan;
    }
    return values.clone();
  }

  /** Returns the sample times in seconds. */
  public double[] time() {
    return column(ResultsKeys.TIME_S);
  }

  /** Returns {@code part / total} per row (NaN where total is 0 or absent). */
  public double[] fraction(String part, String total) {
    double[] p = column(part);
    double[] t = column(total);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = t[i] > 0 ? p[i] / t[i] : Double.NaN;
    }
    return out;
  }

  /** Returns a framework's share of the cluster's CPUs, falling back to its dominant share without a cpus column. */
  public double[] cpuShare(String framework) {
    String cpus = ResultsKeys.CPUS_PREFIX + framework;
    return has(cpus) ? fraction(cpus, "cpus_total") : column(ResultsKeys.SHARE_PREFIX + framework);
  }

  /** Returns a framework's dominant share (its running tasks). */
  public double[] dominantShare(String framework) {
    return column(ResultsKeys.SHARE_PREFIX + framework);
  }

  /**
   * Returns a framework's allocator's dominant share (running tasks plus offers, disk included), or null when the file
   * has no such column (written before it was recorded).
   */
  public double[] allocatorShare(String framework) {
    String name = ResultsKeys.ALLOCATOR_SHARE_PREFIX + framework;
    return has(name) ? column(name) : null;
  }

  /** Returns the mean of a series over the rows where it is a number (NaN when none is). */
  public static double mean(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
