package io.offerlab.reports.results;

import io.offerlab.simcore.results.JobRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Compares job completion times of two runs of the same workload job by job (common random numbers give both runs the
 * same jobs): only jobs that completed in both count, so a run that leaves slow jobs unfinished gains nothing.
 */
public final class JobMatch {
  private JobMatch() {}

  /**
   * Returns the speedup of {@code other} over {@code baseline}: the baseline's total completion time over the other's,
   * summed over selected jobs completed in both; NaN when no job matches.
   */
  public static double speedup(List<JobRecord> baseline, List<JobRecord> other, Predicate<JobRecord> select) {
    double[] sums = sums(baseline, other, select);
    return sums[2] == 0 || sums[1] <= 0 ? Double.NaN : sums[0] / sums[1];
  }

  /** Returns {baseline total, other total, matched job count} over selected jobs completed in both runs. */
  public static double[] sums(List<JobRecord> baseline, List<JobRecord> other, Predicate<JobRecord> select) {
    Map<String, Double> base = new HashMap<>();
    for (JobRecord job : baseline) {
      if (job.completed() && select.test(job)) {
        base.put(job.id(), job.jct());
      }
    }
    double baseSum = 0;
    double otherSum = 0;
    int matched = 0;
    for (JobRecord job : other) {
      Double b = base.get(job.id());
      if (b != null && job.completed() && select.test(job)) {
        baseSum += b;
        otherSum += job.jct();
        matched++;
      }
    }
    return new double[] {baseSum, otherSum, matched};
  }

  /**
   * Returns, per key (for example the framework), {baseline total, other total, matched job count} over the jobs
   * completed in both runs, in one pass over each run.
   */
  public static Map<String, double[]> sumsBy(List<JobRecord> baseline, List<JobRecord> other,
      Function<JobRecord, String> key) {
    return sumsBy(baseline, other, key, JobRecord::jct);
  }

  /**
   * Returns, per key, {baseline total, other total, matched job count} of a per-job measure (completion time or run
   * time) over the jobs completed in both runs.
   */
  public static Map<String, double[]> sumsBy(List<JobRecord> baseline, List<JobRecord> other,
      Function<JobRecord, String> key, ToDoubleFunction<JobRecord> measure) {
    Map<String, Double> base = new HashMap<>();
    for (JobRecord job : baseline) {
      if (job.completed()) {
        base.put(job.id(), measure.applyAsDouble(job));
      }
    }
    Map<String, double[]> sums = new HashMap<>();
    for (JobRecord job : other) {
      Double b = base.get(job.id());
      if (b != null && job.completed()) {
        double[] s = sums.computeIfAbsent(key.apply(job), k -> new double[3]);
        s[0] += b;
        s[1] += measure.applyAsDouble(job);
        s[2]++;
      }
    }
    return sums;
  }

  /** Returns the speedup from {baseline total, other total, count} sums, NaN when nothing matched. */
  public static double speedup(double[] sums) {
    return sums == null || sums[2] == 0 || sums[1] <= 0 ? Double.NaN : sums[0] / sums[1];
  }
}
