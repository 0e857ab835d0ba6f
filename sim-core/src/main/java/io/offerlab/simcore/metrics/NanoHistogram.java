package io.offerlab.simcore.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A log-scale histogram of durations in nanoseconds (buckets 2% wide), so that tens of millions of allocation cycles
 * are summarised in fixed memory: exact mean, p50 and p99 within the bucket width.
 */
public final class NanoHistogram {
  private static final double GROWTH = Math.log(1.02);
  private final long[] counts = new long[1400];
  private long total;
  private double sum;

  /** Records a duration. */
  public void record(long nanos) {
    long n = Math.max(1, nanos);
    int bucket = (int) Math.min(counts.length - 1, Math.floor(Math.log(n) / GROWTH));
    counts[bucket]++;
    total++;
    sum += nanos;
  }

  /** Returns how many durations were recorded. */
  public long count() {
    return total;
  }

  /** Returns the mean, or NaN when empty. */
  public double mean() {
    return total == 0 ? Double.NaN : sum / total;
  }

  /** Returns the percentile {@code p} in (0, 100] (bucket midpoint), or NaN when empty. */
  public double percentile(double p) {
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(p / 100.0 * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.exp((i + 0.5) * GROWTH);
      }
    }
    return Math.exp((counts.length - 0.5) * GROWTH);
  }

  /** Returns {@code {mean, p50, p99}}. */
  public Map<String, Object> summary() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mean", mean());
    map.put("p50", percentile(50));
    map.put("p99", percentile(99));
    return map;
  }
}
