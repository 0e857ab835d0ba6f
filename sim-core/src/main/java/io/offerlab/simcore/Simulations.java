package io.offerlab.simcore;

import io.offerlab.allocators.Allocators;
import io.offerlab.simcore.master.AllocatorNeeds;
import io.offerlab.simcore.cluster.Outcome;
import io.offerlab.simcore.cluster.RoleFacts;
import io.offerlab.simcore.cluster.Simulation;
import io.offerlab.simcore.config.ClusterSpec;
import io.offerlab.simcore.config.SimulationConfig;
import io.offerlab.simcore.metrics.AtomicFiles;
import io.offerlab.simcore.metrics.JsonWriter;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.Workload;
import io.offerlab.workloads.Workloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs simulations and writes their results files atomically (docs/results-schema.md): {@code results.json},
 * {@code timeseries.csv} and {@code jobs.csv}, which depend only on the inputs and the seed, and {@code perf.json},
 * the wall-time measurements.
 */
public final class Simulations {
  /** The Offerlab version written into results.json. */
  public static final String VERSION = "0.1.0-SNAPSHOT";

  private Simulations() {}

  /**
   * Runs {@code spec} and writes the results into {@code outDir} (created if missing).
   *
   * @throws IllegalArgumentException on bad input (config, workload, cluster, allocator), before the first event
   *     where possible
   */
  public static RunResult run(RunSpec spec, Path outDir, ProgressListener progress) {
    SimulationConfig config = SimulationConfig.load(spec.config());
    Allocators.spec(spec.allocator());
    Map<String, String> options = new TreeMap<>(spec.workloadOptions());
    if (spec.workload().startsWith("synthetic:")) {
      options.putIfAbsent("seed", Long.toString(spec.seed()));
    }
    RoleFacts facts = needsFacts(config, spec.allocator()) ? facts(spec.workload(), options, config) : RoleFacts.NONE;
    try (Workload workload = Workloads.open(spec.workload(), options)) {
      return run(config, workload, spec.allocator(), spec.cluster(), spec.seed(), facts, outDir, progress);
    }
  }

  /**
   * Runs an already opened workload (tests pass in-memory jobs this way) and writes the results into {@code outDir}.
   * Roles for {@code static} and priorities for {@code priority} come from the config only.
   *
   * @param cluster the cluster spec, or null for the workload's cluster hint, else the config's {@code cluster}
   */
  public static RunResult run(SimulationConfig config, Workload workload, String allocator, String cluster, long seed,
      Path outDir, ProgressListener progress) {
    return run(config, workload, allocator, cluster, seed, RoleFacts.NONE, outDir, progress);
  }

  private static RunResult run(SimulationConfig config, Workload workload, String allocator, String cluster,
      long seed, RoleFacts facts, Path outDir, ProgressListener progress) {
    Allocators.spec(allocator);
    String clusterText = cluster != null ? cluster
        : workload.clusterHint().isPresent() ? "trace" : config.cluster();
    ClusterSpec clusterSpec = ClusterSpec.parse(clusterText, workload.clusterHint());
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + outDir, e);
    }
    long endMicros = config.simulation().endTimeMicros() > 0 ? config.simulation().endTimeMicros() : -1;
    ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
    List<MemoryPoolMXBean> heap = heapPools();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    Outcome outcome;
    try (Stream<Job> jobs = workload.jobs()) {
      Iterator<Job> iterator = jobs.iterator();
      Simulation simulation = new Simulation(config, clusterSpec, allocator, seed, iterator, facts, outDir,
          t -> listener.progress(t, endMicros));
      outcome = simulation.run();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : heap) {
      peakHeap += pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
    }
    listener.progress(outcome.endMicros(), endMicros);

    Map<String, Object> results = new LinkedHashMap<>();
    results.put("offerlab", VERSION);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("allocator", allocator);
    run.put("allocatorOptions", outcome.allocatorOptions());
    run.put("workload", workload.spec());
    run.put("cluster", clusterSpec.spec());
    run.put("agents", clusterSpec.agentCount());
    run.put("seed", seed);
    run.put("config", config.describe());
    results.put("run", run);
    results.put("summary", outcome.summary());
    results.put("isolation", outcome.isolation());
    results.put("frameworks", outcome.frameworks());
    results.put("skippedRows", workload.skipped().skippedRows());
    AtomicFiles.write(outDir.resolve("results.json"), JsonWriter.write(results));

    Map<String, Object> perf = new LinkedHashMap<>();
    perf.put("wallSeconds", wall);
    perf.put("events", outcome.events());
    perf.put("eventsPerSecond", wall > 0 ? outcome.events() / wall : Double.NaN);
    perf.put("tasks", outcome.tasksLaunched());
    perf.put("tasksPerSecond", wall > 0 ? outcome.tasksLaunched() / wall : Double.NaN);
    perf.put("offers", outcome.offersMade());
    perf.put("offersPerSecond", wall > 0 ? outcome.offersMade() / wall : Double.NaN);
    perf.put("allocationCycles", outcome.cycles());
    perf.put("allocatorNanosPerCycle", outcome.cycleNanos());
    perf.put("allocatorSeconds", outcome.allocatorSeconds());
    perf.put("peakHeapBytes", peakHeap);
    perf.put("simulatedSeconds", outcome.endMicros() / 1e6);
    AtomicFiles.write(outDir.resolve("perf.json"), JsonWriter.write(perf));

    return new RunResult(outDir, outcome.endMicros() / 1e6, outcome.cpuAllocated(), outcome.cpuUsed(),
        outcome.memAllocated(), outcome.memUsed(), outcome.meanJctSeconds(), outcome.jobsSubmitted(),
        outcome.jobsCompleted(), wall, outcome.events(), wall > 0 ? outcome.events() / wall : Double.NaN,
        outcome.tasksLaunched(), wall > 0 ? outcome.tasksLaunched() / wall : Double.NaN, peakHeap);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  /** Whether the allocator needs roles or priorities that the config does not give. */
  private static boolean needsFacts(SimulationConfig config, String allocator) {
    return AllocatorNeeds.of(allocator).readAhead(!config.allocator().priorities().isEmpty(),
        !config.allocator().partitions().isEmpty() || !config.allocator().partitionRoles().isEmpty());
  }

  /** Reads the workload once up front for its roles and each role's largest job priority. */
  private static RoleFacts facts(String spec, Map<String, String> options, SimulationConfig config) {
    TreeSet<String> roles = new TreeSet<>();
    Map<String, Integer> priorities = new HashMap<>();
    try (Workload workload = Workloads.open(spec, options); Stream<Job> jobs = workload.jobs()) {
      jobs.forEach(job -> {
        String override = config.framework(job.framework()).role();
        String role = override.isEmpty() ? job.role() : override;
        roles.add(role);
        priorities.merge(role, job.priority(), Math::max);
      });
    }
    return new RoleFacts(List.copyOf(roles), priorities);
  }
}
