package io.offerlab.simcore.metrics;

import io.offerlab.simcore.results.Results.Distribution;
import java.util.Arrays;

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

  /** Returns the mean and the p50, p95 and p99 percentiles, all NaN when empty. */
  public Distribution summary() {
    if (size == 0) {
      return Distribution.EMPTY;
    }
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return new Distribution(sum / size, nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99));
  }

  private static double nearestRank(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
