package io.offerlab.simcore.results;

import static io.offerlab.simcore.results.ResultsKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.simcore.results.Results.AgentGroup;
import io.offerlab.simcore.results.Results.Distribution;
import io.offerlab.simcore.results.Results.Framework;
import io.offerlab.simcore.results.Results.Isolation;
import io.offerlab.simcore.results.Results.JobCounts;
import io.offerlab.simcore.results.Results.OfferCounts;
import io.offerlab.simcore.results.Results.Probes;
import io.offerlab.simcore.results.Results.Run;
import io.offerlab.simcore.results.Results.Summary;
import io.offerlab.simcore.results.Results.TaskCounts;
import io.offerlab.simcore.results.Results.Utilisation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link Results} as the text of results.json and reads it back: keys in the schema's order, doubles in the
 * {@link Numbers} format, counts exact, so that writing what was read gives the same bytes. Reading ignores fields it
 * does not know, as docs/results-schema.md asks.
 */
public final class ResultsJson {
  private ResultsJson() {}

  /** Returns the text of results.json, ending with a newline. */
  public static String render(Results results) {
    return JsonWriter.write(tree(results));
  }

  /** Writes results.json into {@code folder} atomically. */
  public static void write(Path folder, Results results) {
    AtomicFiles.write(folder.resolve(RESULTS_JSON), render(results));
  }

  /** Returns results as an ordered tree of maps, lists and values, in the schema's key order. */
  public static Map<String, Object> tree(Results r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(OFFERLAB, r.offerlab());
    root.put(RUN, run(r.run()));
    root.put(SUMMARY, summary(r.summary()));
    root.put(ISOLATION, isolation(r.isolation()));
    List<Object> frameworks = new ArrayList<>();
    r.frameworks().forEach(f -> frameworks.add(framework(f)));
    root.put(FRAMEWORKS, frameworks);
    root.put(SKIPPED_ROWS, count(r.skippedRows()));
    return root;
  }

  private static Map<String, Object> run(Run run) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(ALLOCATOR, run.allocator());
    map.put(ALLOCATOR_OPTIONS, run.allocatorOptions());
    map.put(WORKLOAD, run.workload());
    map.put(CLUSTER, run.cluster());
    map.put(AGENTS, count(run.agents()));
    if (!run.agentGroups().isEmpty()) {
      List<Object> groups = new ArrayList<>();
      for (AgentGroup g : run.agentGroups()) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put(COUNT, g.count());
        group.put(RESOURCES, g.resources());
        groups.add(group);
      }
      map.put(AGENT_GROUPS, groups);
    }
    map.put(SEED, run.seed());
    map.put(CONFIG, run.config());
    return map;
  }

  /** Returns the summary section as an ordered tree. */
  public static Map<String, Object> summary(Summary s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(MAKESPAN_SECONDS, s.makespanSeconds());
    Map<String, Object> util = new LinkedHashMap<>();
    util.put(CPUS, utilisation(s.cpus()));
    util.put(MEM, utilisation(s.mem()));
    if (s.gpus() != null) {
      util.put(GPUS, utilisation(s.gpus()));
    }
    map.put(UTILISATION, util);
    Map<String, Object> jobs = new LinkedHashMap<>();
    jobs.put(SUBMITTED, count(s.jobs().submitted()));
    jobs.put(COMPLETED, count(s.jobs().completed()));
    jobs.put(FAILED, count(s.jobs().failed()));
    jobs.put(KILLED, count(s.jobs().killed()));
    jobs.put(UNFINISHED, count(s.jobs().unfinished()));
    map.put(JOBS, jobs);
    Map<String, Object> tasks = new LinkedHashMap<>();
    tasks.put(LAUNCHED, count(s.tasks().launched()));
    tasks.put(COMPLETED, count(s.tasks().completed()));
    tasks.put(FAILED, count(s.tasks().failed()));
    tasks.put(KILLED, count(s.tasks().killed()));
    tasks.put(LOST, count(s.tasks().lost()));
    map.put(TASKS, tasks);
    map.put(JOB_COMPLETION_SECONDS, distribution(s.jobCompletionSeconds()));
    map.put(JOB_WAIT_SECONDS, distribution(s.jobWaitSeconds()));
    Map<String, Object> fairness = new LinkedHashMap<>();
    fairness.put(JAIN_DOMINANT_SHARE, s.jainDominantShare());
    probes(fairness, s.probes());
    map.put(FAIRNESS, fairness);
    Map<String, Object> offers = new LinkedHashMap<>();
    offers.put(MADE, count(s.offers().made()));
    offers.put(ACCEPTED, count(s.offers().accepted()));
    offers.put(DECLINED, count(s.offers().declined()));
    offers.put(RESCINDED, count(s.offers().rescinded()));
    map.put(OFFERS, offers);
    map.put(AGENT_FAILURES, count(s.agentFailures()));
    map.put(END_REASON, s.endReason());
    return map;
  }

  private static void probes(Map<String, Object> map, Probes p) {
    if (p != null) {
      map.put(SHARING_INCENTIVE, p.sharingIncentive());
      map.put(ENVY_FREENESS, p.envyFreeness());
      map.put(PARETO_EFFICIENCY, p.paretoEfficiency());
      map.put(PROBE_SAMPLES, p.samples());
    }
  }

  private static Map<String, Object> utilisation(Utilisation u) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(ALLOCATED, u.allocated());
    map.put(USED, u.used());
    map.put(OFFERED, u.offered());
    return map;
  }

  private static Map<String, Object> distribution(Distribution d) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(MEAN, d.mean());
    map.put(P50, d.p50());
    map.put(P95, d.p95());
    map.put(P99, d.p99());
    return map;
  }

  /** Returns the isolation section as an ordered tree. */
  public static Map<String, Object> isolation(Isolation i) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(CPU, i.cpu());
    map.put(MEMORY, i.memory());
    map.put(CPU_SECONDS_ALLOCATED, i.cpuSecondsAllocated());
    map.put(CPU_SECONDS_USED, i.cpuSecondsUsed());
    map.put(THROTTLED_TASK_SECONDS, i.throttledTaskSeconds());
    map.put(OOM_KILLS, count(i.oomKills()));
    map.put(JOB_SLOWDOWN, distribution(i.jobSlowdown()));
    return map;
  }

  /** Returns one framework's summary as an ordered tree. */
  public static Map<String, Object> framework(Framework f) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(NAME, f.name());
    map.put(ROLE, f.role());
    map.put(JOBS, count(f.jobs()));
    map.put(JOBS_COMPLETED, count(f.jobsCompleted()));
    map.put(JOBS_FAILED, count(f.jobsFailed()));
    map.put(TASKS_LAUNCHED, count(f.tasksLaunched()));
    map.put(TASKS_COMPLETED, count(f.tasksCompleted()));
    map.put(TASKS_FAILED, count(f.tasksFailed()));
    map.put(TASKS_KILLED, count(f.tasksKilled()));
    map.put(TASKS_LOST, count(f.tasksLost()));
    map.put(MEAN_DOMINANT_SHARE, f.meanDominantShare());
    map.put(MEAN_ALLOCATOR_SHARE, f.meanAllocatorShare());
    if (f.probes() != null) {
      Map<String, Object> fairness = new LinkedHashMap<>();
      probes(fairness, f.probes());
      map.put(FAIRNESS, fairness);
    }
    map.put(MEAN_CPUS, f.meanCpus());
    map.put(CPU_SECONDS_ALLOCATED, f.cpuSecondsAllocated());
    map.put(CPU_SECONDS_USED, f.cpuSecondsUsed());
    map.put(CPU_SECONDS_OFFERED, f.cpuSecondsOffered());
    map.put(THROTTLED_SECONDS, f.throttledSeconds());
    if (!Double.isNaN(f.schedulerBusySeconds())) {
      map.put(SCHEDULER_BUSY_SECONDS, f.schedulerBusySeconds());
    }
    map.put(OOM_KILLS, count(f.oomKills()));
    map.put(TASK_FAILURES, f.taskFailures());
    map.put(JOB_COMPLETION_SECONDS, distribution(f.jobCompletionSeconds()));
    map.put(JOB_WAIT_SECONDS, distribution(f.jobWaitSeconds()));
    map.put(JOB_SLOWDOWN, distribution(f.jobSlowdown()));
    return map;
  }

  private static Long count(long value) {
    return value == Results.ABSENT ? null : value;
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

  /** Reads results.json; it must be a JSON object naming the allocator in {@code run.allocator}. */
  public static Results read(Path file) {
    JsonNode root = Json.read(file);
    if (!root.isObject()) {
      throw new ResultsException(file + ":1: expected a JSON object");
    }
    JsonNode run = root.path(RUN);
    String allocator = text(run, ALLOCATOR, null);
    if (allocator == null || allocator.isBlank()) {
      throw new ResultsException(file + ": expected field run.allocator to name the allocator");
    }
    JsonNode seed = run.path(SEED);
    if (!seed.isMissingNode() && !seed.isNull() && !seed.canConvertToLong()) {
      throw new ResultsException(file + ": expected field run.seed to be an integer, found " + seed);
    }
    List<AgentGroup> groups = new ArrayList<>();
    for (JsonNode g : run.path(AGENT_GROUPS)) {
      groups.add(new AgentGroup(count(g, COUNT), text(g, RESOURCES, "")));
    }
    Run r = new Run(allocator, object(run.path(ALLOCATOR_OPTIONS)), text(run, WORKLOAD, ""), text(run, CLUSTER, ""),
        count(run, AGENTS), groups, seed.isNumber() ? seed.asLong() : 0, object(run.path(CONFIG)));
    checkProbes(file, root.path(SUMMARY).path(FAIRNESS), SUMMARY + "." + FAIRNESS);
    List<Framework> frameworks = new ArrayList<>();
    int i = 0;
    for (JsonNode f : root.path(FRAMEWORKS)) {
      String name = text(f, NAME, null);
      if (name == null) {
        throw new ResultsException(file + ": expected field frameworks[" + i + "].name");
      }
      checkProbes(file, f.path(FAIRNESS), FRAMEWORKS + "[" + i + "]." + FAIRNESS);
      frameworks.add(framework(f, name));
      i++;
    }
    frameworks.sort((a, b) -> a.name().compareTo(b.name()));
    return new Results(text(root, OFFERLAB, ""), r, summary(root.path(SUMMARY)), isolation(root.path(ISOLATION)),
        frameworks, count(root, SKIPPED_ROWS));
  }

  /** Checks the probe fields that are present: fractions in [0, 1] or null, samples a non-negative integer. */
  private static void checkProbes(Path file, JsonNode fairness, String where) {
    for (String key : PROBE_FRACTIONS) {
      JsonNode v = fairness.path(key);
      if (!v.isMissingNode() && !v.isNull() && !(v.isNumber() && v.asDouble() >= 0 && v.asDouble() <= 1)) {
        throw new ResultsException(file + ": expected field " + where + "." + key
            + " to be a fraction in [0, 1] or null, found " + v);
      }
    }
    JsonNode n = fairness.path(PROBE_SAMPLES);
    if (!n.isMissingNode() && !(n.isIntegralNumber() && n.asLong() >= 0)) {
      throw new ResultsException(file + ": expected field " + where + "." + PROBE_SAMPLES
          + " to be a non-negative integer, found " + n);
    }
  }

  private static Probes probes(JsonNode fairness) {
    if (!fairness.has(PROBE_SAMPLES)) {
      return null;
    }
    return new Probes(number(fairness, SHARING_INCENTIVE), number(fairness, ENVY_FREENESS),
        number(fairness, PARETO_EFFICIENCY), fairness.path(PROBE_SAMPLES).asLong());
  }

  private static Summary summary(JsonNode s) {
    JsonNode util = s.path(UTILISATION);
    JsonNode jobs = s.path(JOBS);
    JsonNode tasks = s.path(TASKS);
    JsonNode offers = s.path(OFFERS);
    return new Summary(number(s, MAKESPAN_SECONDS), utilisation(util.path(CPUS)), utilisation(util.path(MEM)),
        util.has(GPUS) ? utilisation(util.path(GPUS)) : null,
        new JobCounts(count(jobs, SUBMITTED), count(jobs, COMPLETED), count(jobs, FAILED), count(jobs, KILLED),
            count(jobs, UNFINISHED)),
        new TaskCounts(count(tasks, LAUNCHED), count(tasks, COMPLETED), count(tasks, FAILED), count(tasks, KILLED),
            count(tasks, LOST)),
        distribution(s.path(JOB_COMPLETION_SECONDS)), distribution(s.path(JOB_WAIT_SECONDS)),
        number(s.path(FAIRNESS), JAIN_DOMINANT_SHARE),
        new OfferCounts(count(offers, MADE), count(offers, ACCEPTED), count(offers, DECLINED),
            count(offers, RESCINDED)),
        count(s, AGENT_FAILURES), text(s, END_REASON, ""), probes(s.path(FAIRNESS)));
  }

  private static Utilisation utilisation(JsonNode u) {
    return new Utilisation(number(u, ALLOCATED), number(u, USED), number(u, OFFERED));
  }

  private static Distribution distribution(JsonNode d) {
    return new Distribution(number(d, MEAN), number(d, P50), number(d, P95), number(d, P99));
  }

  private static Isolation isolation(JsonNode i) {
    return new Isolation(text(i, CPU, ""), text(i, MEMORY, ""), number(i, CPU_SECONDS_ALLOCATED),
        number(i, CPU_SECONDS_USED), number(i, THROTTLED_TASK_SECONDS), count(i, OOM_KILLS),
        distribution(i.path(JOB_SLOWDOWN)));
  }

  private static Framework framework(JsonNode f, String name) {
    Map<String, Long> failures = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = f.path(TASK_FAILURES).fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      failures.put(e.getKey(), e.getValue().asLong());
    }
    return new Framework(name, text(f, ROLE, name), count(f, JOBS), count(f, JOBS_COMPLETED), count(f, JOBS_FAILED),
        count(f, TASKS_LAUNCHED), count(f, TASKS_COMPLETED), count(f, TASKS_FAILED), count(f, TASKS_KILLED),
        count(f, TASKS_LOST), number(f, MEAN_DOMINANT_SHARE), number(f, MEAN_ALLOCATOR_SHARE),
        number(f, MEAN_CPUS), number(f, CPU_SECONDS_ALLOCATED),
        number(f, CPU_SECONDS_USED), number(f, CPU_SECONDS_OFFERED), number(f, THROTTLED_SECONDS),
        count(f, OOM_KILLS), failures, distribution(f.path(JOB_COMPLETION_SECONDS)),
        distribution(f.path(JOB_WAIT_SECONDS)), distribution(f.path(JOB_SLOWDOWN)), probes(f.path(FAIRNESS)),
        number(f, SCHEDULER_BUSY_SECONDS));
  }

  private static double number(JsonNode node, String key) {
    JsonNode v = node.path(key);
    return v.isNumber() ? v.asDouble() : Double.NaN;
  }

  private static long count(JsonNode node, String key) {
    JsonNode v = node.path(key);
    return v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) ? v.asLong()
        : Results.ABSENT;
  }

  private static String text(JsonNode node, String key, String fallback) {
    JsonNode v = node.path(key);
    return v.isMissingNode() || v.isNull() ? fallback : v.asText();
  }

  /** Converts a JSON object into an ordered tree of maps, lists, strings, longs, doubles and booleans. */
  private static Map<String, Object> object(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
    }
    return map;
  }

  private static Object value(JsonNode node) {
    if (node.isObject()) {
      return object(node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(v -> list.add(value(v)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.isNull() ? null : node.asText();
  }
}
