package io.offerlab.simcore.cluster;

import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.AllocatorOptions.Partition;
import io.offerlab.allocators.Resources;
import io.offerlab.simcore.config.SimulationConfig;
import io.offerlab.simcore.metrics.Metrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Assembles the sections of results.json from a finished simulation, in the schema's order. */
final class Reporter {
  private final Simulation sim;
  private final List<FrameworkScheduler> frameworks;
  private final AllocatorOptions options;

  Reporter(Simulation sim, List<FrameworkScheduler> frameworks, AllocatorOptions options) {
    this.sim = sim;
    this.frameworks = new ArrayList<>(frameworks);
    this.frameworks.sort(Comparator.comparing(f -> f.name));
    this.options = options;
  }

  Outcome outcome(long end, String endReason) {
    Metrics m = sim.metrics;
    Counters c = sim.counters;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("makespanSeconds", end / 1e6);
    Map<String, Object> util = new LinkedHashMap<>();
    util.put("cpus", utilisation(m.meanAllocated(0, end), m.meanUsed(0, end), m.meanOffered(0, end)));
    util.put("mem", utilisation(m.meanAllocated(1, end), m.meanUsed(1, end), m.meanOffered(1, end)));
    if (sim.clusterTotal()[3] > 0) {
      util.put("gpus", utilisation(m.meanAllocated(2, end), m.meanAllocated(2, end), m.meanOffered(2, end)));
    }
    summary.put("utilisation", util);
    Map<String, Object> jobs = new LinkedHashMap<>();
    jobs.put("submitted", c.jobsSubmitted());
    jobs.put("completed", c.jobsCompleted());
    jobs.put("failed", c.jobsFailed());
    jobs.put("killed", c.jobsKilled());
    jobs.put("unfinished", c.jobsSubmitted() - c.jobsCompleted() - c.jobsFailed() - c.jobsKilled());
    summary.put("jobs", jobs);
    Map<String, Object> tasks = new LinkedHashMap<>();
    tasks.put("launched", c.tasksLaunched());
    tasks.put("completed", c.tasksCompleted());
    tasks.put("failed", c.tasksFailed());
    tasks.put("killed", c.tasksKilled());
    tasks.put("lost", c.tasksLost());
    summary.put("tasks", tasks);
    summary.put("jobCompletionSeconds", sim.jct.summary());
    summary.put("jobWaitSeconds", sim.wait.summary());
    summary.put("fairness", Map.of("jainDominantShare", m.meanJain(end)));
    Map<String, Object> offers = new LinkedHashMap<>();
    offers.put("made", c.offersMade());
    offers.put("accepted", c.offersAccepted());
    offers.put("declined", c.offersDeclined());
    offers.put("rescinded", c.offersRescinded());
    summary.put("offers", offers);
    summary.put("agentFailures", c.agentFailures());
    summary.put("endReason", endReason);

    double throttled = 0;
    List<Map<String, Object>> perFramework = new ArrayList<>();
    for (FrameworkScheduler f : frameworks) {
      throttled += m.throttledSeconds(f.index, end);
      perFramework.add(framework(f, end));
    }
    Map<String, Object> isolation = new LinkedHashMap<>();
    isolation.put("cpu", sim.config.isolation().cpu());
    isolation.put("memory", sim.config.isolation().memory());
    isolation.put("cpuSecondsAllocated", m.cpuSecondsAllocated(end));
    isolation.put("cpuSecondsUsed", m.cpuSecondsUsed(end));
    isolation.put("throttledTaskSeconds", throttled);
    isolation.put("oomKills", c.oomKills());
    isolation.put("jobSlowdown", sim.slowdown.summary());

    return new Outcome(end, endReason, summary, isolation, perFramework, allocatorOptions(),
        sim.engine.eventsProcessed(), c.tasksLaunched(), c.offersMade(), sim.master.allocator.cycleNanos().count(),
        sim.master.allocator.cycleNanos().summary(), sim.master.allocator.allocatorNanos() / 1e9, m.meanAllocated(0, end), m.meanUsed(0, end), m.meanAllocated(1, end),
        m.meanUsed(1, end), sim.jct.mean(), c.jobsSubmitted(), c.jobsCompleted());
  }

  private static Map<String, Object> utilisation(double allocated, double used, double offered) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("allocated", allocated);
    map.put("used", used);
    map.put("offered", offered);
    return map;
  }

  private Map<String, Object> framework(FrameworkScheduler f, long end) {
    Metrics m = sim.metrics;
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", f.name);
    map.put("role", f.role);
    map.put("jobs", f.jobs);
    map.put("jobsCompleted", f.jobsCompleted);
    map.put("jobsFailed", f.jobsFailed);
    map.put("tasksLaunched", f.tasksLaunched);
    map.put("tasksCompleted", f.tasksCompleted);
    map.put("tasksFailed", f.tasksFailed);
    map.put("tasksKilled", f.tasksKilled);
    map.put("tasksLost", f.tasksLost);
    map.put("meanDominantShare", m.meanShare(f.index, end));
    map.put("meanCpus", m.meanCpus(f.index, end));
    map.put("cpuSecondsAllocated", m.cpuSecondsAllocated(f.index, end));
    map.put("cpuSecondsUsed", m.cpuSecondsUsed(f.index, end));
    map.put("cpuSecondsOffered", m.cpuSecondsOffered(f.index, end));
    map.put("throttledSeconds", m.throttledSeconds(f.index, end));
    map.put("oomKills", f.oomKills);
    map.put("taskFailures", new TreeMap<>(f.failureReasons));
    map.put("jobCompletionSeconds", f.jct.summary());
    map.put("jobWaitSeconds", f.wait.summary());
    map.put("jobSlowdown", f.slowdown.summary());
    return map;
  }

  private Map<String, Object> allocatorOptions() {
    SimulationConfig config = sim.config;
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("refuseSeconds", config.framework(SimulationConfig.DEFAULT_FRAMEWORK).refuseSeconds());
    map.put("allocationInterval", config.master().allocationIntervalMicros() / 1e6);
    map.put("shuffleAgents", options.shuffleAgents());
    map.put("minFilterSeconds", options.minFilterSeconds());
    List<String> min = new ArrayList<>();
    for (Resources r : options.minAllocatable()) {
      min.add(r.toString());
    }
    map.put("minAllocatable", min);
    map.put("weights", new TreeMap<>(config.allocator().weights()));
    map.put("priorities", new TreeMap<>(options.priorities()));
    Map<String, Object> partitions = new TreeMap<>();
    for (var entry : options.partitions().entrySet()) {
      if (entry.getValue() instanceof Partition.Fraction fraction) {
        partitions.put(entry.getKey(), fraction.fraction());
      } else if (entry.getValue() instanceof Partition.Agents agents) {
        partitions.put(entry.getKey(), Map.of("agents", agents.agentIds().size()));
      }
    }
    map.put("partitions", partitions);
    return map;
  }
}
