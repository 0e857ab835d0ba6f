package io.offerlab.workloads;

/**
 * One piece of a task's usage profile: from {@code offsetMicros} after the task starts (until the next point), the
 * task demands {@code cpus} cores and uses {@code memMb} MB of memory. Profiles are piecewise constant.
 */
public record UsagePoint(long offsetMicros, double cpus, double memMb) {
  /** Validates a non-negative offset and finite non-negative demands. */
  public UsagePoint {
    if (offsetMicros < 0) {
      throw new IllegalArgumentException("usage offset: expected a non-negative time, found '" + offsetMicros + "'");
    }
    if (!(cpus >= 0) || Double.isInfinite(cpus)) {
      throw new IllegalArgumentException("usage cpus: expected a finite non-negative number, found '" + cpus + "'");
    }
    if (!(memMb >= 0) || Double.isInfinite(memMb)) {
      throw new IllegalArgumentException("usage memMb: expected a finite non-negative number, found '" + memMb + "'");
    }
  }
}
