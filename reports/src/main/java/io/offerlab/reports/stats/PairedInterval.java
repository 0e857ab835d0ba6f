package io.offerlab.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A paired t confidence interval over runs paired by seed (the runs of one seed share random streams, so the pair's
 * difference removes the workload's own variation). For ratios (speedups) the interval is taken on the log-ratios and
 * mapped back, so the estimate is a geometric mean; for differences it is taken on the differences themselves. With
 * one pair there is no interval (NaN bounds); with pairs that are all equal it collapses to the estimate.
 *
 * @param estimate the geometric mean ratio, or the mean difference
 * @param low the lower bound of the interval
 * @param high the upper bound of the interval
 * @param n the number of pairs that had a value
 */
public record PairedInterval(double estimate, double low, double high, int n) {
  /** The confidence level of every interval: 95%. */
  public static final double LEVEL = 0.95;

  /** Returns the interval of {@code baseline[i] / other[i]}; pairs with a missing or non-positive value are left out. */
  public static PairedInterval ratio(double[] baseline, double[] other) {
    double[] logs = new double[baseline.length];
    int n = 0;
    for (int i = 0; i < baseline.length; i++) {
      if (baseline[i] > 0 && other[i] > 0 && Double.isFinite(baseline[i]) && Double.isFinite(other[i])) {
        logs[n++] = Math.log(baseline[i] / other[i]);
      }
    }
    PairedInterval onLogs = mean(logs, n);
    return new PairedInterval(Math.exp(onLogs.estimate), Math.exp(onLogs.low), Math.exp(onLogs.high), n);
  }

  /** Returns the interval of {@code other[i] - baseline[i]}; pairs with a NaN are left out. */
  public static PairedInterval difference(double[] baseline, double[] other) {
    double[] d = new double[baseline.length];
    int n = 0;
    for (int i = 0; i < baseline.length; i++) {
      if (!Double.isNaN(baseline[i]) && !Double.isNaN(other[i])) {
        d[n++] = other[i] - baseline[i];
      }
    }
    return mean(d, n);
  }

  /** Returns the t interval of the mean of the first {@code n} values. */
  static PairedInterval mean(double[] values, int n) {
    if (n == 0) {
      return new PairedInterval(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += values[i];
    }
    double mean = sum / n;
    if (n == 1) {
      return new PairedInterval(mean, Double.NaN, Double.NaN, 1);
    }
    double ss = 0;
    for (int i = 0; i < n; i++) {
      ss += (values[i] - mean) * (values[i] - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    double half = t * sd / Math.sqrt(n);
    return new PairedInterval(mean, mean - half, mean + half, n);
  }

  /** Whether the interval has bounds (two pairs or more). */
  public boolean hasInterval() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }
}
