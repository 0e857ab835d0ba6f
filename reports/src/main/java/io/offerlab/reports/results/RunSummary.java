package io.offerlab.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of one run's {@code results.json} that reports use: what was run and its summary metrics flattened to
 * named columns ({@code cpus_allocated}, {@code jct_mean_s}, ...). Fields the file lacks are NaN; unknown ones are
 * ignored, as docs/results-schema.md asks.
 *
 * @param allocator the allocator name
 * @param workload the workload spec
 * @param cluster the cluster spec
 * @param seed the seed
 * @param config the effective configuration, or a missing node
 * @param metrics the summary metrics by column name, in {@link #METRICS} order
 * @param frameworks the per-framework summaries, sorted by name
 */
public record RunSummary(String allocator, String workload, String cluster, long seed, JsonNode config,
    Map<String, Double> metrics, List<FrameworkSummary> frameworks) {

  /** The summary metrics: column name and JSON pointer into results.json. */
  public static final List<Map.Entry<String, String>> METRICS = List.of(
      Map.entry("makespan_s", "/summary/makespanSeconds"),
      Map.entry("cpus_allocated", "/summary/utilisation/cpus/allocated"),
      Map.entry("cpus_used", "/summary/utilisation/cpus/used"),
      Map.entry("cpus_offered", "/summary/utilisation/cpus/offered"),
      Map.entry("mem_allocated", "/summary/utilisation/mem/allocated"),
      Map.entry("mem_used", "/summary/utilisation/mem/used"),
      Map.entry("mem_offered", "/summary/utilisation/mem/offered"),
      Map.entry("jobs_submitted", "/summary/jobs/submitted"),
      Map.entry("jobs_completed", "/summary/jobs/completed"),
      Map.entry("jobs_failed", "/summary/jobs/failed"),
      Map.entry("jobs_killed", "/summary/jobs/killed"),
      Map.entry("jobs_unfinished", "/summary/jobs/unfinished"),
      Map.entry("tasks_launched", "/summary/tasks/launched"),
      Map.entry("tasks_completed", "/summary/tasks/completed"),
      Map.entry("tasks_failed", "/summary/tasks/failed"),
      Map.entry("tasks_killed", "/summary/tasks/killed"),
      Map.entry("tasks_lost", "/summary/tasks/lost"),
      Map.entry("jct_mean_s", "/summary/jobCompletionSeconds/mean"),
      Map.entry("jct_p50_s", "/summary/jobCompletionSeconds/p50"),
      Map.entry("jct_p95_s", "/summary/jobCompletionSeconds/p95"),
      Map.entry("jct_p99_s", "/summary/jobCompletionSeconds/p99"),
      Map.entry("wait_mean_s", "/summary/jobWaitSeconds/mean"),
      Map.entry("wait_p50_s", "/summary/jobWaitSeconds/p50"),
      Map.entry("wait_p95_s", "/summary/jobWaitSeconds/p95"),
      Map.entry("wait_p99_s", "/summary/jobWaitSeconds/p99"),
      Map.entry("jain", "/summary/fairness/jainDominantShare"),
      Map.entry("offers_made", "/summary/offers/made"),
      Map.entry("offers_accepted", "/summary/offers/accepted"),
      Map.entry("offers_declined", "/summary/offers/declined"),
      Map.entry("offers_rescinded", "/summary/offers/rescinded"));

  /** The per-framework metrics: column name and JSON pointer relative to one entry of {@code frameworks}. */
  public static final List<Map.Entry<String, String>> FRAMEWORK_METRICS = List.of(
      Map.entry("jobs", "/jobs"),
      Map.entry("jobs_completed", "/jobsCompleted"),
      Map.entry("tasks_launched", "/tasksLaunched"),
      Map.entry("mean_dominant_share", "/meanDominantShare"),
      Map.entry("mean_cpus", "/meanCpus"),
      Map.entry("jct_mean_s", "/jobCompletionSeconds/mean"),
      Map.entry("jct_p50_s", "/jobCompletionSeconds/p50"),
      Map.entry("jct_p95_s", "/jobCompletionSeconds/p95"),
      Map.entry("wait_mean_s", "/jobWaitSeconds/mean"),
      Map.entry("wait_p50_s", "/jobWaitSeconds/p50"),
      Map.entry("wait_p95_s", "/jobWaitSeconds/p95"));

  /**
   * One framework's summary.
   *
   * @param name the framework name
   * @param role its role
   * @param metrics its metrics by column name, in {@link #FRAMEWORK_METRICS} order
   */
  public record FrameworkSummary(String name, String role, Map<String, Double> metrics) {
    /** Copies the map. */
    public FrameworkSummary {
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
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
    JsonNode root = Json.read(file);
    if (!root.isObject()) {
      throw new ResultsException(file + ":1: expected a JSON object");
    }
    String allocator = Json.text(root, "/run/allocator", null);
    if (allocator == null || allocator.isBlank()) {
      throw new ResultsException(file + ": expected field run.allocator to name the allocator");
    }
    JsonNode seedNode = root.at("/run/seed");
    if (!seedNode.isMissingNode() && !seedNode.isNull() && !seedNode.canConvertToLong()) {
      throw new ResultsException(file + ": expected field run.seed to be an integer, found " + seedNode);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (var entry : METRICS) {
      metrics.put(entry.getKey(), Json.number(root, entry.getValue()));
    }
    List<FrameworkSummary> frameworks = new ArrayList<>();
    JsonNode list = root.at("/frameworks");
    if (list.isArray()) {
      int i = 0;
      for (JsonNode fw : list) {
        String name = Json.text(fw, "/name", null);
        if (name == null) {
          throw new ResultsException(file + ": expected field frameworks[" + i + "].name");
        }
        Map<String, Double> fm = new LinkedHashMap<>();
        for (var entry : FRAMEWORK_METRICS) {
          fm.put(entry.getKey(), Json.number(fw, entry.getValue()));
        }
        frameworks.add(new FrameworkSummary(name, Json.text(fw, "/role", name), fm));
        i++;
      }
    }
    frameworks.sort((a, b) -> a.name().compareTo(b.name()));
    JsonNode config = root.at("/run/config");
    return new RunSummary(allocator, Json.text(root, "/run/workload", ""), Json.text(root, "/run/cluster", ""),
        seedNode.isNumber() ? seedNode.asLong() : 0, config.isMissingNode() ? MissingNode.getInstance() : config,
        metrics, frameworks);
  }

  /** Returns a metric, NaN when absent. */
  public double metric(String column) {
    return metrics.getOrDefault(column, Double.NaN);
  }
}
