package io.offerlab.simcore.cluster;

import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.AllocatorOptions.Partition;
import io.offerlab.allocators.Resources;
import io.offerlab.simcore.config.SimulationConfig;
import io.offerlab.simcore.metrics.Metrics;
import io.offerlab.simcore.results.Results.Framework;
import io.offerlab.simcore.results.Results.Isolation;
import io.offerlab.simcore.results.Results.JobCounts;
import io.offerlab.simcore.results.Results.OfferCounts;
import io.offerlab.simcore.results.Results.Summary;
import io.offerlab.simcore.results.Results.TaskCounts;
import io.offerlab.simcore.results.Results.Utilisation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Assembles the typed sections of results.json ({@link io.offerlab.simcore.results.Results}) from a finished simulation. */
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
    Utilisation gpus = sim.clusterTotal()[3] > 0
        ? new Utilisation(m.meanAllocated(2, end), m.meanAllocated(2, end), m.meanOffered(2, end)) : null;
    Summary summary = new Summary(end / 1e6,
        new Utilisation(m.meanAllocated(0, end), m.meanUsed(0, end), m.meanOffered(0, end)),
        new Utilisation(m.meanAllocated(1, end), m.meanUsed(1, end), m.meanOffered(1, end)), gpus,
        new JobCounts(c.jobsSubmitted(), c.jobsCompleted(), c.jobsFailed(), c.jobsKilled(),
            c.jobsSubmitted() - c.jobsCompleted() - c.jobsFailed() - c.jobsKilled()),
        new TaskCounts(c.tasksLaunched(), c.tasksCompleted(), c.tasksFailed(), c.tasksKilled(), c.tasksLost()),
        sim.jct.summary(), sim.wait.summary(), m.meanJain(end),
        new OfferCounts(c.offersMade(), c.offersAccepted(), c.offersDeclined(), c.offersRescinded()), c.agentFailures(),
        endReason, sim.probes.tally().run());

    double throttled = 0;
    List<Framework> perFramework = new ArrayList<>();
    for (FrameworkScheduler f : frameworks) {
      throttled += m.throttledSeconds(f.index, end);
      perFramework.add(framework(f, end));
    }
    Isolation isolation = new Isolation(sim.config.isolation().cpu(), sim.config.isolation().memory(),
        m.cpuSecondsAllocated(end), m.cpuSecondsUsed(end), throttled, c.oomKills(), sim.slowdown.summary());

    return new Outcome(end, endReason, summary, isolation, perFramework, allocatorOptions(),
        sim.engine.eventsProcessed(), c.tasksLaunched(), c.offersMade(), sim.master.allocator.cycleNanos().count(),
        sim.master.allocator.cycleNanos().summary(), sim.master.allocator.allocatorNanos() / 1e9, m.meanAllocated(0, end), m.meanUsed(0, end),
        m.meanAllocated(1, end), m.meanUsed(1, end), sim.jct.mean(), c.jobsSubmitted(), c.jobsCompleted());
  }

  private Framework framework(FrameworkScheduler f, long end) {
    Metrics m = sim.metrics;
    return new Framework(f.name, f.role, f.jobs, f.jobsCompleted, f.jobsFailed, f.tasksLaunched, f.tasksCompleted,
        f.tasksFailed, f.tasksKilled, f.tasksLost, m.meanShare(f.index, end), m.meanAllocatorShare(f.index, end),
        m.meanCpus(f.index, end),
        m.cpuSecondsAllocated(f.index, end), m.cpuSecondsUsed(f.index, end), m.cpuSecondsOffered(f.index, end),
        m.throttledSeconds(f.index, end), f.oomKills, new TreeMap<>(f.failureReasons), f.jct.summary(),
        f.wait.summary(), f.slowdown.summary(), sim.probes.tally().framework(f.index),
        f.busyMicros(end) / 1e6);
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
    // Listed only when set, so that results of runs that do not use them read as before.
    if (!options.slotSize().equals(AllocatorOptions.DEFAULT_SLOT_SIZE)) {
      map.put("slotSize", options.slotSize().toString());
    }
    if (options.offerSize() != io.offerlab.allocators.OfferSize.WHOLE) {
      map.put("offerSize", options.offerSize().text());
    }
    return map;
  }
}
