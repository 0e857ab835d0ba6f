package io.offerlab.reports.results;

import io.offerlab.simcore.results.Numbers;
import io.offerlab.simcore.results.Results;
import io.offerlab.simcore.results.ResultsJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The parts of one run's {@code results.json} that reports use, read through the typed records of
 * {@link io.offerlab.simcore.results.Results}: what was run and its summary metrics as named columns
 * ({@code cpus_allocated}, {@code jct_mean_s}, ...). Fields the file lacks are NaN; unknown ones are ignored, as
 * docs/results-schema.md asks. Counts print exactly, other values in the results number format.
 *
 * @param results the typed results.json
 * @param metrics the summary metrics by column name, in {@link #METRICS} order
 * @param frameworks the per-framework summaries, sorted by name
 */
public record RunSummary(Results results, Map<String, Double> metrics, List<FrameworkSummary> frameworks) {

  /**
   * A column of the summary tables taken from results.json.
   *
   * @param column the column name
   * @param count whether it is a count, printed exactly
   * @param value how to get it from the typed results
   */
  public record Metric<T>(String column, boolean count, ToDoubleFunction<T> value) {}

  /** The summary metrics, in summary.csv order. */
  public static final List<Metric<Results>> METRICS = List.of(
      value("makespan_s", r -> r.summary().makespanSeconds()),
      value("cpus_allocated", r -> r.summary().cpus().allocated()),
      value("cpus_used", r -> r.summary().cpus().used()),
      value("cpus_offered", r -> r.summary().cpus().offered()),
      value("mem_allocated", r -> r.summary().mem().allocated()),
      value("mem_used", r -> r.summary().mem().used()),
      value("mem_offered", r -> r.summary().mem().offered()),
      count("jobs_submitted", r -> r.summary().jobs().submitted()),
      count("jobs_completed", r -> r.summary().jobs().completed()),
      count("jobs_failed", r -> r.summary().jobs().failed()),
      count("jobs_killed", r -> r.summary().jobs().killed()),
      count("jobs_unfinished", r -> r.summary().jobs().unfinished()),
      count("tasks_launched", r -> r.summary().tasks().launched()),
      count("tasks_completed", r -> r.summary().tasks().completed()),
      count("tasks_failed", r -> r.summary().tasks().failed()),
      count("tasks_killed", r -> r.summary().tasks().killed()),
      count("tasks_lost", r -> r.summary().tasks().lost()),
      value("jct_mean_s", r -> r.summary().jobCompletionSeconds().mean()),
      value("jct_p50_s", r -> r.summary().jobCompletionSeconds().p50()),
      value("jct_p95_s", r -> r.summary().jobCompletionSeconds().p95()),
      value("jct_p99_s", r -> r.summary().jobCompletionSeconds().p99()),
      value("wait_mean_s", r -> r.summary().jobWaitSeconds().mean()),
      value("wait_p50_s", r -> r.summary().jobWaitSeconds().p50()),
      value("wait_p95_s", r -> r.summary().jobWaitSeconds().p95()),
      value("wait_p99_s", r -> r.summary().jobWaitSeconds().p99()),
      value("jain", r -> r.summary().jainDominantShare()),
      value("sharing_incentive", r -> probe(r.summary().probes(), Results.Probes::sharingIncentive)),
      value("envy_freeness", r -> probe(r.summary().probes(), Results.Probes::envyFreeness)),
      value("pareto_efficiency", r -> probe(r.summary().probes(), Results.Probes::paretoEfficiency)),
      count("offers_made", r -> r.summary().offers().made()),
      count("offers_accepted", r -> r.summary().offers().accepted()),
      count("offers_declined", r -> r.summary().offers().declined()),
      count("offers_rescinded", r -> r.summary().offers().rescinded()));

  /**
   * The per-framework metrics. {@code mean_cpus} is the framework's CPU-seconds held over the makespan (its
   * time-weighted mean CPUs over the whole run, not over its busy time).
   */
  public static final List<Metric<Results.Framework>> FRAMEWORK_METRICS = List.of(
      count("jobs", Results.Framework::jobs),
      count("jobs_completed", Results.Framework::jobsCompleted),
      count("tasks_launched", Results.Framework::tasksLaunched),
      value("mean_dominant_share", Results.Framework::meanDominantShare),
      value("mean_allocator_share", Results.Framework::meanAllocatorShare),
      value("mean_cpus", Results.Framework::meanCpus),
      value("cpu_seconds", Results.Framework::cpuSecondsAllocated),
      value("jct_mean_s", f -> f.jobCompletionSeconds().mean()),
      value("jct_p50_s", f -> f.jobCompletionSeconds().p50()),
      value("jct_p95_s", f -> f.jobCompletionSeconds().p95()),
      value("wait_mean_s", f -> f.jobWaitSeconds().mean()),
      value("wait_p50_s", f -> f.jobWaitSeconds().p50()),
      value("wait_p95_s", f -> f.jobWaitSeconds().p95()),
      value("sharing_incentive", f -> probe(f.probes(), Results.Probes::sharingIncentive)),
      value("envy_freeness", f -> probe(f.probes(), Results.Probes::envyFreeness)),
      value("pareto_efficiency", f -> probe(f.probes(), Results.Probes::paretoEfficiency)));

  private static double probe(Results.Probes probes, ToDoubleFunction<Results.Probes> value) {
    return probes == null ? Double.NaN : value.applyAsDouble(probes);
  }

  private static <T> Metric<T> value(String column, ToDoubleFunction<T> value) {
    return new Metric<>(column, false, value);
  }

  private static <T> Metric<T> count(String column, java.util.function.ToLongFunction<T> value) {
    return new Metric<>(column, true, t -> {
      long v = value.applyAsLong(t);
      return v == Results.ABSENT ? Double.NaN : v;
    });
  }

  /** Returns the names of the summary metrics. */
  public static List<String> columns() {
    return METRICS.stream().map(Metric::column).toList();
  }

  /** Returns whether a summary or framework column is a count. */
  public static boolean isCount(String column) {
    return METRICS.stream().anyMatch(m -> m.column().equals(column) && m.count())
        || FRAMEWORK_METRICS.stream().anyMatch(m -> m.column().equals(column) && m.count());
  }

  /** Formats a column's value: counts exactly, everything else in the results number format; NaN is empty. */
  public static String format(String column, double value) {
    if (isCount(column) && !Double.isNaN(value) && value == Math.rint(value) && Math.abs(value) < 0x1p63) {
      return Numbers.count((long) value);
    }
    return Numbers.format(value);
  }

  /**
   * One framework's summary.
   *
   * @param framework the typed framework section
   * @param metrics its metrics by column name, in {@link #FRAMEWORK_METRICS} order
   */
  public record FrameworkSummary(Results.Framework framework, Map<String, Double> metrics) {
    /** Copies the map. */
    public FrameworkSummary {
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Returns the framework name. */
    public String name() {
      return framework.name();
    }

    /** Returns its role. */
    public String role() {
      return framework.role();
    }

    /** Returns a metric, NaN when absent. */
    public double metric(String column) {
      return metrics.getOrDefault(column, Double.NaN);
    }
  }

  /** Copies the collections. */
  public RunSummary {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    frameworks = List.copyOf(frameworks);
  }

  /** Reads a results.json file; it must at least name the allocator in {@code run.allocator}. */
  public static RunSummary read(Path file) {
    return of(ResultsJson.read(file));
  }

  /** Builds the summary of typed results. */
  public static RunSummary of(Results results) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Metric<Results> m : METRICS) {
      metrics.put(m.column(), m.value().applyAsDouble(results));
    }
    List<FrameworkSummary> frameworks = new ArrayList<>();
    for (Results.Framework f : results.frameworks()) {
      Map<String, Double> fm = new LinkedHashMap<>();
      for (Metric<Results.Framework> m : FRAMEWORK_METRICS) {
        fm.put(m.column(), m.value().applyAsDouble(f));
      }
      frameworks.add(new FrameworkSummary(f, fm));
    }
    return new RunSummary(results, metrics, frameworks);
  }

  /** Returns the allocator name. */
  public String allocator() {
    return results.run().allocator();
  }

  /** Returns the workload spec. */
  public String workload() {
    return results.run().workload();
  }

  /** Returns the cluster spec as given ({@code trace}, {@code uniform:...} or a file). */
  public String cluster() {
    return results.run().cluster();
  }

  /** Returns the seed. */
  public long seed() {
    return results.run().seed();
  }

  /** Returns the effective configuration as an ordered tree (empty when the file has none). */
  public Map<String, Object> config() {
    return results.run().config();
  }

  /** Returns a metric, NaN when absent. */
  public double metric(String column) {
    return metrics.getOrDefault(column, Double.NaN);
  }
}
