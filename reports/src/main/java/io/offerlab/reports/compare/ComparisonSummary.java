package io.offerlab.reports.compare;

import io.offerlab.reports.results.JobMatch;
import io.offerlab.reports.results.RunResults;
import io.offerlab.reports.results.RunSummary;
import io.offerlab.simcore.results.JobRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The numbers of a comparison: one row per allocator with its summary metrics and speedup, and one row per
 * framework and allocator. Speedup is the baseline's total job completion time over the allocator's, summed over jobs
 * that completed under both (so it is 1 for the baseline itself).
 *
 * @param baseline the first allocator, against which speedups are measured
 * @param allocators one row per allocator, in comparison order
 * @param frameworks one row per framework and allocator, frameworks by name, allocators in comparison order
 */
public record ComparisonSummary(String baseline, List<AllocatorRow> allocators, List<FrameworkRow> frameworks) {

  /**
   * One allocator's results.
   *
   * @param allocator the allocator (its run folder's name)
   * @param summary its results.json
   * @param speedup the speedup of mean job completion time over the baseline, on matched jobs
   * @param runtimeSpeedup the speedup of total job run time (first task start to finish) over the baseline, on
   *     matched jobs
   */
  public record AllocatorRow(String allocator, RunSummary summary, double speedup, double runtimeSpeedup) {}

  /**
   * One framework under one allocator.
   *
   * @param framework the framework
   * @param allocator the allocator
   * @param jobsCompleted jobs of the framework that completed
   * @param meanCpus the framework's mean allocated CPUs
   * @param meanJct the framework's mean job completion time in seconds
   * @param speedup the speedup of the framework's job completion time over the baseline, on matched jobs
   * @param runtimeSeconds the framework's total run time (first task start to finish) of its jobs completed under both
   *     this allocator and the baseline, in seconds (the Mesos paper's Table 4 "sum of exec times")
   * @param runtimeSpeedup the speedup of that total run time over the baseline's
   */
  public record FrameworkRow(String framework, String allocator, double jobsCompleted, double meanCpus, double meanJct,
      double speedup, double runtimeSeconds, double runtimeSpeedup) {}

  /** Copies the lists. */
  public ComparisonSummary {
    allocators = List.copyOf(allocators);
    frameworks = List.copyOf(frameworks);
  }

  /** Computes the summary of runs; the first run is the baseline. */
  public static ComparisonSummary of(List<RunResults> runs) {
    RunResults base = runs.get(0);
    List<AllocatorRow> rows = new ArrayList<>();
    for (RunResults run : runs) {
      rows.add(new AllocatorRow(run.name(), run.summary(), JobMatch.speedup(base.jobs(), run.jobs(), j -> true),
          JobMatch.speedup(JobMatch.sumsBy(base.jobs(), run.jobs(), j -> "", JobRecord::runTime).get(""))));
    }
    TreeSet<String> names = new TreeSet<>();
    runs.forEach(r -> r.summary().frameworks().forEach(f -> names.add(f.name())));
    List<Map<String, double[]>> byFramework = new ArrayList<>();
    List<Map<String, double[]>> runtimes = new ArrayList<>();
    for (RunResults run : runs) {
      byFramework.add(JobMatch.sumsBy(base.jobs(), run.jobs(), JobRecord::framework));
      runtimes.add(JobMatch.sumsBy(base.jobs(), run.jobs(), JobRecord::framework, JobRecord::runTime));
    }
    List<FrameworkRow> fws = new ArrayList<>();
    for (String fw : names) {
      for (int r = 0; r < runs.size(); r++) {
        RunResults run = runs.get(r);
        for (RunSummary.FrameworkSummary f : run.summary().frameworks()) {
          if (f.name().equals(fw)) {
            fws.add(new FrameworkRow(fw, run.name(), f.metric("jobs_completed"), f.metric("mean_cpus"),
                f.metric("jct_mean_s"), JobMatch.speedup(byFramework.get(r).get(fw)),
                runtimeTotal(runtimes.get(r).get(fw)), JobMatch.speedup(runtimes.get(r).get(fw))));
          }
        }
      }
    }
    return new ComparisonSummary(base.name(), rows, fws);
  }

  private static double runtimeTotal(double[] sums) {
    return sums == null || sums[2] == 0 ? Double.NaN : sums[1];
  }

  /** Returns the framework names ordered by mean CPUs summed over allocators, largest first, at most {@code n}. */
  public List<String> topFrameworks(int n) {
    Map<String, Double> cpus = new HashMap<>();
    for (FrameworkRow row : frameworks) {
      cpus.merge(row.framework(), Double.isNaN(row.meanCpus()) ? 0 : row.meanCpus(), Double::sum);
    }
    return cpus.keySet().stream()
        .sorted(Comparator.comparing((String f) -> -cpus.get(f)).thenComparing(f -> f))
        .limit(n).toList();
  }

  /** Returns the number of distinct frameworks. */
  public int frameworkCount() {
    return (int) frameworks.stream().map(FrameworkRow::framework).distinct().count();
  }

  /** Returns the row of a framework under an allocator, or null. */
  public FrameworkRow framework(String framework, String allocator) {
    for (FrameworkRow row : frameworks) {
      if (row.framework().equals(framework) && row.allocator().equals(allocator)) {
        return row;
      }
    }
    return null;
  }

  /** Returns the row of an allocator, or null. */
  public AllocatorRow allocator(String allocator) {
    return allocators.stream().filter(r -> r.allocator().equals(allocator)).findFirst().orElse(null);
  }
}
