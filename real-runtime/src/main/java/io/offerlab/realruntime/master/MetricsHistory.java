package io.offerlab.realruntime.master;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-size ring of the master's {@link MetricsSample}s, the newest replacing the oldest once it is full: what
 * {@code GET /metrics/history} serves and the web UI charts (720 samples of 5 s = the last hour by default). Written
 * and read on the master's event loop only.
 */
final class MetricsHistory {
  /** The default interval between samples, in milliseconds. */
  static final long DEFAULT_INTERVAL_MILLIS = 5_000;
  /** The default number of samples kept: one hour of 5 s samples. */
  static final int DEFAULT_CAPACITY = 720;

  private final MetricsSample[] ring;
  private final long intervalMillis;
  private int next;
  private int size;

  /** A ring holding up to {@code capacity} samples taken every {@code intervalMillis}. */
  MetricsHistory(int capacity, long intervalMillis) {
    if (capacity < 1) {
      throw new IllegalArgumentException("history capacity: expected at least 1, found " + capacity);
    }
    if (intervalMillis < 1) {
      throw new IllegalArgumentException("--metrics-interval: expected at least 1ms, found " + intervalMillis + "ms");
    }
    this.ring = new MetricsSample[capacity];
    this.intervalMillis = intervalMillis;
  }

  /** Add a sample, dropping the oldest when the ring is full. */
  void add(MetricsSample sample) {
    ring[next] = sample;
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
  }

  /** Return the samples held, oldest first. */
  List<MetricsSample> samples() {
    var out = new ArrayList<MetricsSample>(size);
    int first = (next - size + ring.length) % ring.length;
    for (int i = 0; i < size; i++) {
      out.add(ring[(first + i) % ring.length]);
    }
    return out;
  }

  /** Return how many samples the ring holds at most. */
  int capacity() {
    return ring.length;
  }

  /** Return the interval between samples in milliseconds. */
  long intervalMillis() {
    return intervalMillis;
  }
}
