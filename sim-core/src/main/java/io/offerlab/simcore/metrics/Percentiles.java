package io.offerlab.simcore.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A growable list of doubles summarised as mean and nearest-rank p50, p95 and p99 (null when empty). */
public final class Percentiles {
  private double[] values = new double[16];
  private int size;
  private double sum;

  /** Adds a value. */
  public void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
    sum += value;
  }

  /** Returns how many values were added. */
  public int count() {
    return size;
  }

  /** Returns the mean, or NaN when empty. */
  public double mean() {
    return size == 0 ? Double.NaN : sum / size;
  }

  /** Returns the nearest-rank percentile {@code p} in (0, 100], or NaN when empty. */
  public double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return nearestRank(sorted, p);
  }

  /** Returns {@code {mean, p50, p95, p99}}, with nulls when empty. */
  public Map<String, Object> summary() {
    Map<String, Object> map = new LinkedHashMap<>();
    if (size == 0) {
      map.put("mean", null);
      map.put("p50", null);
      map.put("p95", null);
      map.put("p99", null);
      return map;
    }
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    map.put("mean", sum / size);
    map.put("p50", nearestRank(sorted, 50));
    map.put("p95", nearestRank(sorted, 95));
    map.put("p99", nearestRank(sorted, 99));
    return map;
  }

  private static double nearestRank(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
