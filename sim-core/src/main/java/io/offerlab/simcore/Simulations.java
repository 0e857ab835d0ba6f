package io.offerlab.simcore;

import io.offerlab.allocators.Allocators;
import io.offerlab.simcore.master.AllocatorNeeds;
import io.offerlab.simcore.cluster.Outcome;
import io.offerlab.simcore.cluster.RoleFacts;
import io.offerlab.simcore.cluster.Simulation;
import io.offerlab.simcore.config.ClusterSpec;
import io.offerlab.simcore.config.SimulationConfig;
import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.JsonWriter;
import io.offerlab.simcore.results.Results;
import io.offerlab.simcore.results.ResultsJson;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
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
    return run(spec, UnaryOperator.identity(), outDir, progress);
  }

  /**
   * Runs {@code spec} with every job of its workload passed through {@code transform} first (e.g. the strategy-proofness
   * probe's inflated requests); roles, priorities and the cluster are read from the workload as it is.
   */
  public static RunResult run(RunSpec spec, UnaryOperator<Job> transform, Path outDir, ProgressListener progress) {
    SimulationConfig config = SimulationConfig.load(spec.config(), Workloads.suggestedConfig(spec.workload()));
    Allocators.spec(spec.allocator());
    Map<String, String> options = new TreeMap<>(spec.workloadOptions());
    if (spec.workload().startsWith("synthetic:")) {
      options.putIfAbsent("seed", Long.toString(spec.seed()));
    }
    Set<String> named = namedFrameworks(config);
    if (!named.isEmpty()) {
      Set<String> known = frameworkNames(spec.workload(), options);
      for (String name : named) {
        if (!known.contains(name)) {
          throw new IllegalArgumentException((spec.config() == null ? "config" : spec.config().toString())
              + ": frameworks." + name + ": expected a framework of workload " + spec.workload() + ", one of "
              + known + ", found '" + name + "'");
        }
      }
    }
    RoleFacts facts = needsFacts(config, spec.allocator()) ? facts(spec.workload(), options, config) : RoleFacts.NONE;
    try (Workload opened = Workloads.open(spec.workload(), options)) {
      Workload workload = transform == UnaryOperator.<Job>identity() ? opened : new Transformed(opened, transform);
      return run(config, workload, spec.allocator(), spec.cluster(), spec.seed(), facts, true, outDir, progress);
    }
  }

  /**
   * Runs an already opened workload (tests pass in-memory jobs this way) and writes the results into {@code outDir}.
   * Roles for {@code static} and priorities for {@code priority} come from the config only. The workload cannot be
   * read twice, so config keys naming frameworks it does not have are reported as warnings after the run.
   *
   * @param cluster the cluster spec, or null for the workload's cluster hint, else the config's {@code cluster}
   */
  public static RunResult run(SimulationConfig config, Workload workload, String allocator, String cluster, long seed,
      Path outDir, ProgressListener progress) {
    return run(config, workload, allocator, cluster, seed, RoleFacts.NONE, false, outDir, progress);
  }

  private static RunResult run(SimulationConfig config, Workload workload, String allocator, String cluster,
      long seed, RoleFacts facts, boolean frameworksChecked, Path outDir, ProgressListener progress) {
    Allocators.spec(allocator);
    String clusterText = cluster != null ? cluster
        : workload.clusterHint().isPresent() ? "trace" : config.cluster();
    ClusterSpec clusterSpec = ClusterSpec.parse(clusterText, workload.clusterHint());
    List<String> warnings = new ArrayList<>();
    if (cluster == null && workload.clusterHint().isEmpty()) {
      warnings.add(defaultClusterWarning(workload.spec(), clusterSpec));
    }
    boolean checked = frameworksChecked || namedFrameworks(config).isEmpty();
    boolean created = !Files.exists(outDir);
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + outDir, e);
    }
    try {
      return simulate(config, workload, allocator, clusterSpec, seed, facts, checked, warnings, outDir, progress);
    } catch (RuntimeException | Error e) {
      if (created) {
        deleteIfEmpty(outDir);
      }
      throw e;
    }
  }

  /** Deletes a folder this run created if the run failed before writing anything into it. */
  private static void deleteIfEmpty(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      if (children.findAny().isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      // best effort: the folder is gone or holds files
    }
  }

  private static RunResult simulate(SimulationConfig config, Workload workload, String allocator,
      ClusterSpec clusterSpec, long seed, RoleFacts facts, boolean checked, List<String> warnings, Path outDir,
      ProgressListener progress) {
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

    Results results = new Results(VERSION, new Results.Run(allocator, outcome.allocatorOptions(), workload.spec(),
        clusterSpec.spec(), clusterSpec.agentCount(), agentGroups(clusterSpec), seed, config.describe()),
        outcome.summary(), outcome.isolation(), outcome.frameworks(), workload.skipped().skippedRows());
    ResultsJson.write(outDir, results);
    if (!checked) {
      Set<String> seen = new TreeSet<>();
      outcome.frameworks().forEach(f -> seen.add(f.name()));
      for (String name : namedFrameworks(config)) {
        if (!seen.contains(name)) {
          warnings.add("warning: config key frameworks." + name + " names no framework of " + workload.spec()
              + " (its frameworks: " + seen + "); the settings were not used");
        }
      }
    }

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

    return new RunResult(outDir, results.run(), warnings, outcome.endMicros() / 1e6, outcome.cpuAllocated(), outcome.cpuUsed(),
        outcome.memAllocated(), outcome.memUsed(), outcome.meanJctSeconds(), outcome.jobsSubmitted(),
        outcome.jobsCompleted(), wall, outcome.events(), wall > 0 ? outcome.events() / wall : Double.NaN,
        outcome.tasksLaunched(), wall > 0 ? outcome.tasksLaunched() / wall : Double.NaN, peakHeap);
  }

  /** Says that a workload without a cluster of its own runs on the config's cluster, naming it. */
  static String defaultClusterWarning(String workload, ClusterSpec cluster) {
    return "warning: " + workload + " implies no cluster; simulating on the config's cluster " + cluster.spec() + " ("
        + Results.AgentGroup.describe(agentGroups(cluster), cluster.agentCount()) + "); give --cluster to choose one";
  }

  /** Returns the resolved agent groups of a cluster for results.json. */
  static List<Results.AgentGroup> agentGroups(ClusterSpec cluster) {
    List<Results.AgentGroup> groups = new ArrayList<>();
    for (ClusterSpec.Group g : cluster.groups()) {
      groups.add(new Results.AgentGroup(g.count(), g.resources().toString()));
    }
    return groups;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  /** Returns the framework names the config has settings for (its {@code frameworks} keys besides default). */
  public static Set<String> namedFrameworks(SimulationConfig config) {
    Set<String> names = new TreeSet<>(config.frameworks().keySet());
    names.remove(SimulationConfig.DEFAULT_FRAMEWORK);
    return names;
  }

  /** Reads a workload once up front for the names of its frameworks, in name order. */
  public static Set<String> frameworkNames(String spec, Map<String, String> options) {
    Set<String> names = new TreeSet<>();
    try (Workload workload = Workloads.open(spec, options); Stream<Job> jobs = workload.jobs()) {
      jobs.forEach(job -> names.add(job.framework()));
    }
    return names;
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

  /** A workload whose jobs pass through a function; the rest is the original's. */
  private record Transformed(Workload original, UnaryOperator<Job> transform) implements Workload {
    @Override
    public String spec() {
      return original.spec();
    }

    @Override
    public java.util.stream.Stream<Job> jobs() {
      return original.jobs().map(transform);
    }

    @Override
    public java.util.Optional<List<io.offerlab.workloads.AgentGroup>> clusterHint() {
      return original.clusterHint();
    }

    @Override
    public io.offerlab.workloads.WorkloadStats skipped() {
      return original.skipped();
    }

    @Override
    public void close() {
      original.close();
    }
  }
}
