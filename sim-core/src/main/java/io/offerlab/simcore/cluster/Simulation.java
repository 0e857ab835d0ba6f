package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.AllocatorOptions.Partition;
import io.offerlab.allocators.Allocators;
import io.offerlab.allocators.Capability;
import io.offerlab.allocators.Resources;
import io.offerlab.allocators.SlotsAllocator;
import io.offerlab.isolationmodel.AgentModel;
import io.offerlab.isolationmodel.IsolationConfig;
import io.offerlab.simcore.config.ClusterSpec;
import io.offerlab.simcore.config.FrameworkSettings;
import io.offerlab.simcore.config.SimulationConfig;
import io.offerlab.simcore.engine.Engine;
import io.offerlab.simcore.engine.RandomStreams;
import io.offerlab.simcore.master.AllocatorNeeds;
import io.offerlab.simcore.master.MasterCoreSettings;
import io.offerlab.simcore.metrics.Metrics;
import io.offerlab.simcore.metrics.Percentiles;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * One simulated run of a Mesos cluster: an {@link Engine}, a {@link SimulatedMaster} with its allocator, the agents, the
 * framework schedulers that the workload's jobs create, and the metrics. Everything is validated in the constructor,
 * before the first event; {@link #run()} then streams the jobs in, runs until every job that can finish has finished
 * (or the end time, or a stall), and writes {@code jobs.csv} and {@code timeseries.csv} into the output folder.
 *
 * <p>A simulation is an ordinary object (no statics), so several can run side by side in one JVM. Given the same
 * inputs and seed it produces the same files byte for byte: nothing depends on wall time or hash order.
 */
public final class Simulation implements RunProgress {
  private static final int PROGRESS_EVERY = 1 << 16;

  final Engine engine = new Engine();
  final SimulationConfig config;
  final Metrics metrics;
  final ProbeSampler probes;
  final Counters counters = new Counters();
  final SimulatedMaster master;
  private final SimContext ctx;
  private final RandomStreams streams;
  private final IsolationConfig isolation;
  private final AllocatorOptions allocatorOptions;
  private final Map<String, FrameworkScheduler> frameworks = new HashMap<>();
  private final List<FrameworkScheduler> frameworkList = new ArrayList<>();
  private final Iterator<Job> jobs;
  private final JobArrivals arrivals;
  private final JobChains chains;
  private final StallWatch stallWatch;
  private final JobLog jobLog;
  private final Path outDir;
  private final LongConsumer progress;
  private final List<long[]> agentShapes = new ArrayList<>();
  private final long[] clusterTotal = new long[4];
  final Percentiles jct = new Percentiles();
  final Percentiles wait = new Percentiles();
  final Percentiles slowdown = new Percentiles();
  private Job nextJob;
  private boolean arrivalsDone;
  private long jobSeq;
  private long lastArrival;
  private int finiteOpen;
  private int runningFinite;
  private long lastProgress;
  private String endReason;
  private boolean ran;

  /**
   * Builds a run, validating everything before the first event.
   *
   * @param config the settings
   * @param cluster the agents
   * @param allocatorName a registered allocator ({@link Allocators#names()})
   * @param seed the run seed; every random stream derives from it
   * @param jobs the workload's jobs in arrival order, pulled one at a time
   * @param facts roles and priorities known up front (for {@code static} and {@code priority})
   * @param outDir where {@code jobs.csv} and {@code timeseries.csv} go (created if missing)
   * @param progress told the simulated time now and then
   * @throws IllegalArgumentException on bad input, with a one-line message
   */
  public Simulation(SimulationConfig config, ClusterSpec cluster, String allocatorName, long seed, Iterator<Job> jobs,
      RoleFacts facts, Path outDir, LongConsumer progress) {
    this.config = config;
    this.streams = new RandomStreams(seed);
    this.isolation = config.isolation().toConfig();
    this.jobs = jobs;
    this.outDir = outDir;
    this.progress = progress;
    List<String> ids = agentIds(cluster);
    this.allocatorOptions = allocatorOptions(config, allocatorName, facts, ids, streams);
    Allocator allocator = Allocators.create(allocatorName, allocatorOptions);
    for (var entry : config.allocator().weights().entrySet()) {
      allocator.setWeight(entry.getKey(), entry.getValue());
    }
    this.arrivals = new JobArrivals(this);
    this.chains = new JobChains(this, this::submit);
    this.stallWatch = new StallWatch(this);
    this.metrics = new Metrics(config.metrics().sampleIntervalMicros(), outDir);
    SlotRounding slots = allocator instanceof SlotsAllocator
        ? SlotRounding.of(allocatorOptions.slotSize()) : SlotRounding.NONE;
    this.ctx = new SimContext(engine, metrics, counters, isolation, new Agent.Scratch(), slots);
    this.master = new SimulatedMaster(ctx, this, allocator, config.master(), config.agents(),
        config.simulation().tickWhenIdle());
    Map<Double, AgentModel> models = new HashMap<>();
    int k = 0;
    for (ClusterSpec.Group group : cluster.groups()) {
      Resources r = group.resources();
      agentShapes.add(new long[] {Milli.of(r.cpus()), Milli.of(r.memMb()), Milli.of(r.diskMb()), Milli.of(r.gpus())});
      AgentModel model = models.computeIfAbsent(r.cpus(), cores -> new AgentModel(cores, isolation));
      for (int i = 0; i < group.count(); i++) {
        int index = k++;
        String id = ids.get(index);
        Agent agent = new Agent(id, index, r, model, streams.stream("agent:" + id), master);
        master.addAgent(agent);
        clusterTotal[0] += agent.totalCpus;
        clusterTotal[1] += agent.totalMem;
        clusterTotal[2] += agent.totalDisk;
        clusterTotal[3] += agent.totalGpus;
      }
    }
    this.jobLog = new JobLog(outDir.resolve("jobs.csv"));
    metrics.addTotal(0, clusterTotal[0], clusterTotal[1], clusterTotal[2], clusterTotal[3]);
    this.probes = new ProbeSampler(config.metrics().probeIntervalMicros(), clusterTotal, slots);
  }

  private static List<String> agentIds(ClusterSpec cluster) {
    int n = cluster.agentCount();
    int width = Integer.toString(Math.max(0, n - 1)).length();
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(String.format(Locale.ROOT, "a%0" + width + "d", i));
    }
    return ids;
  }

  private static AllocatorOptions allocatorOptions(SimulationConfig config, String name, RoleFacts facts,
      List<String> agentIds, RandomStreams streams) {
    AllocatorNeeds needs = AllocatorNeeds.of(name);
    AllocatorOptions options = MasterCoreSettings.masterRules(
        AllocatorOptions.defaults().withSeed(streams.seedFor("allocator")), config.master().allocationIntervalMicros())
        .withSlotSize(config.allocator().slot()).withOfferSize(config.allocator().offerSizeValue());
    Map<String, Integer> priorities = config.allocator().priorities();
    if (priorities.isEmpty() && needs.priorities()) {
      priorities = facts.priorities();
    }
    options = options.withPriorities(priorities);
    if (!config.allocator().partitions().isEmpty()) {
      return options.withPartitions(config.allocator().partitions());
    }
    if (needs.partitions()) {
      List<String> roles = knownRoles(config, facts);
      if (!roles.isEmpty()) {
        Map<String, List<String>> lists = new TreeMap<>();
        for (int i = 0; i < agentIds.size(); i++) {
          lists.computeIfAbsent(roles.get(i % roles.size()), r -> new ArrayList<>()).add(agentIds.get(i));
        }
        Map<String, Partition> partitions = new TreeMap<>();
        for (String role : roles) {
          partitions.put(role, new Partition.Agents(lists.getOrDefault(role, List.of())));
        }
        return options.withPartitionRoles(roles).withPartitions(partitions);
      }
    }
    return options;
  }

  /**
   * The roles static partitioning splits agents among: allocator.partitionRoles, else the workload's roles read up
   * front, else the roles of the frameworks named in the config.
   */
  private static List<String> knownRoles(SimulationConfig config, RoleFacts facts) {
    if (!config.allocator().partitionRoles().isEmpty()) {
      return new ArrayList<>(new TreeSet<>(config.allocator().partitionRoles()));
    }
    if (!facts.roles().isEmpty()) {
      return facts.roles();
    }
    Set<String> roles = new TreeSet<>();
    for (var entry : config.frameworks().entrySet()) {
      if (!entry.getKey().equals(SimulationConfig.DEFAULT_FRAMEWORK)) {
        roles.add(entry.getValue().role().isEmpty() ? entry.getKey() : entry.getValue().role());
      }
    }
    return new ArrayList<>(roles);
  }

  // ---- the run ------------------------------------------------------------------------------------------------

  /** Runs the simulation to its end and returns what it measured; may be called once. */
  public Outcome run() {
    if (ran) {
      throw new IllegalStateException("a simulation runs once");
    }
    ran = true;
    boolean ok = false;
    try {
      long end = loop();
      probes.finish(end, master, frameworkList);
      metrics.finish(end);
      jobLog.close();
      metrics.writeTimeseries(outDir.resolve("timeseries.csv"));
      ok = true;
      return new Reporter(this, frameworkList, allocatorOptions).outcome(end, endReason);
    } finally {
      if (!ok) {
        jobLog.discard();
        metrics.discard();
      }
    }
  }

  private long loop() {
    if (config.agents().failuresEnabled()) {
      for (Agent agent : master.agentList) {
        engine.schedule(agent.transition, agent.transition.exponential(config.agents().mtbfMicros()));
      }
    }
    pullNext();
    checkDone();
    long endTime = config.simulation().endTimeMicros();
    boolean check = config.simulation().checkInvariants();
    if (check) {
      Invariants.check(master, engine.now());
    }
    long count = 0;
    while (!engine.isStopped()) {
      long t = engine.peekTime();
      if (t == Long.MAX_VALUE) {
        if (endReason == null) {
          endReason = arrivalsDone && finiteOpen == 0 && chains.waiting() == 0 ? "completed" : "stalled";
        }
        break;
      }
      if (endTime > 0 && t > endTime) {
        endReason = "endTime";
        return endTime;
      }
      if (t >= metrics.nextSample()) {
        metrics.sampleUpTo(t);
      }
      if (t >= probes.next()) {
        probes.sampleUpTo(t, master, frameworkList);
      }
      engine.step();
      if (check) {
        Invariants.check(master, engine.now());
      }
      if (++count % PROGRESS_EVERY == 0) {
        progress.accept(engine.now());
      }
    }
    return engine.now();
  }

  private void stop(String reason) {
    if (endReason == null) {
      endReason = reason;
    }
    engine.stop();
  }

  private void checkDone() {
    if (arrivalsDone && finiteOpen == 0 && chains.waiting() == 0) {
      stop("completed");
    }
  }

  // ---- jobs ---------------------------------------------------------------------------------------------------

  private void pullNext() {
    if (jobs.hasNext()) {
      nextJob = jobs.next();
      if (nextJob.arrivalMicros() < lastArrival) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "workload: job %s arrives at %d us, before the previous job (%d us); expected jobs in arrival order",
            nextJob.id(), nextJob.arrivalMicros(), lastArrival));
      }
      lastArrival = nextJob.arrivalMicros();
      engine.schedule(arrivals, Math.max(engine.now(), nextJob.arrivalMicros()));
    } else {
      nextJob = null;
      arrivalsDone = true;
      long stall = config.simulation().stallTimeoutMicros();
      if (stall > 0 && !stallWatch.isScheduled()) {
        engine.schedule(stallWatch, engine.now() + stall);
      }
    }
  }

  /** The next job of the stream arrives: it is submitted now, or later when chained ({@link JobChains}). */
  void arrive() {
    chains.arrived(nextJob, engine.now());
    pullNext();
    checkDone();
  }

  /** Submits a job to its framework now. */
  private void submit(Job job) {
    long now = engine.now();
    FrameworkScheduler framework = framework(job, now);
    if (!framework.gpuCapable() && asksForGpus(job)) {
      master.declareGpus(framework);
    }
    JobRun run = new JobRun(job, jobSeq++, framework);
    chains.submitted(run, job.framework());
    counters.jobSubmitted();
    jobLog.arrived(run);
    lastProgress = now;
    if (run.finite) {
      finiteOpen++;
    }
    if (!schedulable(job)) {
      framework.unschedulable(run.taskCount);
      run.dropPending();
      jobEnded(run, JobRun.Outcome.FAILED);
    } else {
      framework.submit(run, now);
    }
  }

  private FrameworkScheduler framework(Job job, long now) {
    FrameworkScheduler framework = frameworks.get(job.framework());
    if (framework == null) {
      FrameworkSettings settings = config.framework(job.framework());
      String role = settings.role().isEmpty() ? job.role() : settings.role();
      int index = metrics.addFramework(job.framework());
      framework = new FrameworkScheduler(ctx, master, this, job.framework(), role, index, settings,
          settings.capabilities().contains(Capability.GPU_RESOURCES) || asksForGpus(job));
      frameworks.put(job.framework(), framework);
      frameworkList.add(framework);
      master.addFramework(framework);
    }
    return framework;
  }

  private static boolean asksForGpus(Job job) {
    for (TaskSpec task : job.tasks()) {
      if (task.request().gpus() > 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether every task fits some agent and a gang's tasks fit the cluster together. */
  private boolean schedulable(Job job) {
    long[] sum = new long[4];
    for (TaskSpec task : job.tasks()) {
      ResourceShape r = task.request();
      long[] request = {Milli.of(r.cpus()), Milli.of(r.memMb()), Milli.of(r.diskMb()), Milli.of(r.gpus())};
      ctx.slots().round(request);
      long c = request[0];
      long m = request[1];
      long d = request[2];
      long g = request[3];
      boolean fits = false;
      for (long[] shape : agentShapes) {
        if (c <= shape[0] && m <= shape[1] && d <= shape[2] && g <= shape[3]) {
          fits = true;
          break;
        }
      }
      if (!fits) {
        return false;
      }
      sum[0] += c;
      sum[1] += m;
      sum[2] += d;
      sum[3] += g;
    }
    if (job.kind() == JobKind.GANG) {
      for (int i = 0; i < 4; i++) {
        if (sum[i] > clusterTotal[i]) {
          return false;
        }
      }
    }
    return true;
  }

  /** Ends a job: a failed job's running tasks are killed and its pending tasks dropped. */
  @Override
  public void jobEnded(JobRun job, JobRun.Outcome outcome) {
    if (job.finished()) {
      return;
    }
    long now = engine.now();
    FrameworkScheduler framework = job.framework;
    job.end(outcome, now);
    if (outcome != JobRun.Outcome.COMPLETED) {
      for (TaskRun task : new ArrayList<>(job.running)) {
        master.kill(task);
      }
      framework.dropJob(job, now);
    }
    counters.jobEnded(outcome);
    framework.jobEnded(outcome);
    if (outcome == JobRun.Outcome.COMPLETED) {
      double seconds = (now - job.arrival) / 1e6;
      jct.add(seconds);
      framework.jct.add(seconds);
    }
    if (job.firstStart >= 0) {
      double waited = (job.firstStart - job.arrival) / 1e6;
      wait.add(waited);
      framework.wait.add(waited);
    }
    if (job.uncontendedMicros > 0) {
      double s = job.runMicros / job.uncontendedMicros;
      slowdown.add(s);
      framework.slowdown.add(s);
    }
    framework.updateWork(now);
    chains.ended(job, framework.name, now);
    jobLog.flushFinished();
    if (job.finite) {
      finiteOpen--;
      checkDone();
    }
  }

  // ---- progress and stalls ------------------------------------------------------------------------------------

  @Override
  public void taskStarted(TaskRun task) {
    lastProgress = engine.now();
    if (task.uncontendedMicros() != TaskSpec.UNBOUNDED) {
      runningFinite++;
    }
  }

  @Override
  public void taskStopped(TaskRun task) {
    lastProgress = engine.now();
    if (task.uncontendedMicros() != TaskSpec.UNBOUNDED) {
      runningFinite--;
    }
  }

  void checkStall() {
    long now = engine.now();
    long stall = config.simulation().stallTimeoutMicros();
    if (runningFinite > 0) {
      engine.schedule(stallWatch, now + stall);
    } else if (now - lastProgress >= stall) {
      stop("stalled");
    } else {
      engine.schedule(stallWatch, lastProgress + stall);
    }
  }

  /** Returns the cluster total in thousandths: cpus, mem, disk, gpus. */
  long[] clusterTotal() {
    return clusterTotal.clone();
  }
}
