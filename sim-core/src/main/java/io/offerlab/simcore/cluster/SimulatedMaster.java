package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Capability;
import io.offerlab.isolationmodel.Solution;
import io.offerlab.simcore.config.AgentSettings;
import io.offerlab.simcore.config.MasterSettings;
import io.offerlab.simcore.master.MasterCore;
import io.offerlab.simcore.master.MasterCoreSettings;
import io.offerlab.simcore.master.MasterListener;
import io.offerlab.simcore.master.MasterOffer.OfferKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated Mesos master: the master core's rules ({@link MasterCore}) wired to simulated agents, framework
 * schedulers and tasks. It delivers each cycle's offers to the schedulers after the offer latency, passes their
 * answers to the core, launches tasks and routes their status updates, applies synthetic agent failures, and keeps the
 * offer and task metrics and counts.
 */
final class SimulatedMaster implements MasterListener<OfferState>, SchedulerDriver, TaskEnds, AgentChanges {
  private final SimContext ctx;
  private final RunProgress progress;
  private final MasterCore<OfferState> core;
  private final long latency;
  private final AgentSettings agentSettings;
  /** The allocator, timed for perf.json. */
  final TimedAllocator allocator;
  final List<Agent> agentList = new ArrayList<>();
  /** Frameworks in the order they registered, which is their index. */
  private final List<FrameworkScheduler> frameworkList = new ArrayList<>();

  SimulatedMaster(SimContext ctx, RunProgress progress, Allocator allocator, MasterSettings settings,
      AgentSettings agentSettings, boolean tickWhenIdle) {
    this.ctx = ctx;
    this.progress = progress;
    this.allocator = new TimedAllocator(allocator);
    this.latency = settings.offerLatencyMicros();
    this.agentSettings = agentSettings;
    this.core = new MasterCore<>(this.allocator, new MasterCoreSettings(settings.allocationIntervalMicros(),
        settings.offerTimeoutMicros(), tickWhenIdle), new EngineTimers(ctx.engine()), this);
  }

  // ---- agents and frameworks ----------------------------------------------------------------------------------

  /** Adds an agent at the start of the run. */
  void addAgent(Agent agent) {
    int index = core.addAgent(agent.id, agent.total, ctx.engine().now());
    if (index != agent.index) {
      throw new IllegalStateException("agent " + agent.id + " is number " + index + " but has index " + agent.index);
    }
    agentList.add(agent);
  }

  /** Registers a framework (Mesos SUBSCRIBE); a cycle runs for it. */
  void addFramework(FrameworkScheduler framework) {
    if (framework.index != frameworkList.size()) {
      throw new IllegalStateException("framework " + framework.name + " registers as number " + frameworkList.size()
          + " but has index " + framework.index);
    }
    frameworkList.add(framework);
    core.addFramework(framework.name, framework.role,
        framework.gpuCapable() ? EnumSet.of(Capability.GPU_RESOURCES) : Set.of(), ctx.engine().now());
  }

  /** Mesos UPDATE_FRAMEWORK adding GPU_RESOURCES: GPU agents may be offered to the framework from the next cycle. */
  void declareGpus(FrameworkScheduler framework) {
    if (!framework.gpuCapable()) {
      framework.declareGpus();
      core.updateFramework(framework.index, EnumSet.of(Capability.GPU_RESOURCES), ctx.engine().now());
    }
  }

  @Override
  public int agentCount() {
    return agentList.size();
  }

  @Override
  public void revive(FrameworkScheduler framework) {
    core.revive(framework.index, ctx.engine().now());
  }

  @Override
  public void suppress(FrameworkScheduler framework) {
    core.suppress(framework.index, ctx.engine().now());
  }

  /** Returns the outstanding offers on every agent, oldest first. */
  List<OfferState> outstandingOffers() {
    return core.outstandingOffers(-1);
  }

  // ---- offers (the core's listener) ---------------------------------------------------------------------------

  @Override
  public OfferState newOffer(OfferKey key, io.offerlab.allocators.Resources resources) {
    return new OfferState(key, resources, frameworkList.get(key.frameworkIndex()), agentList.get(key.agentIndex()));
  }

  @Override
  public OfferState newOffer(OfferKey key, io.offerlab.allocators.OfferBatch batch, int offer) {
    return new OfferState(key, batch, offer, frameworkList.get(key.frameworkIndex()), agentList.get(key.agentIndex()));
  }

  @Override
  public OfferState[] newBatch(int size) {
    return new OfferState[size];
  }

  /**
   * Sends a framework its offers of one cycle and applies them to the metrics at once: every change has the same
   * sign, so the time-weighted means are those of adding the offers one by one at the same instant.
   */
  @Override
  public void offersMade(int frameworkIndex, OfferState[] batch, long now) {
    long cpus = 0;
    long mem = 0;
    long disk = 0;
    long gpus = 0;
    for (OfferState offer : batch) {
      cpus += offer.cpus;
      mem += offer.mem;
      disk += offer.disk;
      gpus += offer.gpus;
    }
    ctx.counters().offersMade(batch.length);
    ctx.metrics().offer(now, frameworkIndex, cpus, mem, disk, gpus, 1);
    frameworkList.get(frameworkIndex).offersSent(batch, now + latency);
  }

  @Override
  public void offerRescinded(OfferState offer, long now) {
    ctx.metrics().offer(now, offer.frameworkIndex(), offer.cpus, offer.mem, offer.disk, offer.gpus, -1);
    offer.framework.offerRescinded();
    ctx.counters().offerRescinded();
  }

  @Override
  public void collectOutstanding(int agentIndex, List<OfferState> out) {
    Agent agent = agentIndex < 0 ? null : agentList.get(agentIndex);
    for (FrameworkScheduler framework : frameworkList) {
      framework.collectOffers(agent, out);
    }
  }

  /**
   * Answers a decision's offers (Mesos ACCEPT and DECLINE calls) through the core, then applies the change of offered
   * resources to the metrics once, as {@link #offersMade} does.
   */
  @Override
  public void answer(FrameworkScheduler framework, OfferState[] offers, long[] keys, int n, double refuseSeconds) {
    long now = ctx.engine().now();
    long sumCpus = 0;
    long sumMem = 0;
    long sumDisk = 0;
    long sumGpus = 0;
    allocator.beginAnswer();
    for (int k = 0; k < n; k++) {
      OfferState offer = offers[(int) keys[k]];
      if (offer.launched() > 0) {
        core.accept(offer, offer.usedResources(), refuseSeconds, now);
        ctx.counters().offerAccepted();
      } else {
        core.decline(offer, refuseSeconds, now);
        ctx.counters().offerDeclined();
      }
      sumCpus += offer.cpus;
      sumMem += offer.mem;
      sumDisk += offer.disk;
      sumGpus += offer.gpus;
    }
    allocator.endAnswer();
    ctx.metrics().offer(now, framework.index, sumCpus, sumMem, sumDisk, sumGpus, -1);
  }

  // ---- tasks --------------------------------------------------------------------------------------------------

  /** Launches a task on an offer (part of an accept); its resources pass from the offer to the task. */
  @Override
  public void launch(JobRun job, int taskIndex, OfferState offer, long[] milli) {
    long now = ctx.engine().now();
    Agent agent = offer.agent;
    FrameworkScheduler framework = job.framework;
    TaskRun task = new TaskRun(ctx, this, job, taskIndex, agent, milli);
    offer.launched(task.cpus, task.mem, task.disk, task.gpus);
    agent.addTask(task);
    job.addRunning(task);
    job.started(now);
    framework.taskLaunched();
    ctx.counters().taskLaunched();
    ctx.metrics().allocate(now, framework.index, task.cpus, task.mem, task.disk, task.gpus, 1);
    ctx.metrics().tasks(now, 1, -1);
    ctx.metrics().use(now, framework.index, 0, task.memUsageMb);
    progress.taskStarted(task);
    if (!task.start(now)) {
      taskOomKilled(task);
      return;
    }
    agent.refreshRates(now, ctx.scratch());
    task.reschedule(now);
  }

  @Override
  public void taskFinished(TaskRun task) {
    release(task);
    ctx.counters().taskCompleted();
    task.framework.statusUpdate(task, TaskStatus.FINISHED, null, ctx.engine().now());
  }

  @Override
  public void taskOomKilled(TaskRun task) {
    release(task);
    ctx.counters().taskOomKilled();
    task.framework.oomKilled();
    task.framework.statusUpdate(task, TaskStatus.FAILED, Solution.OOM_REASON, ctx.engine().now());
  }

  /** TASK_KILLED: the framework kills a running task. */
  @Override
  public void kill(TaskRun task) {
    release(task);
    ctx.counters().taskKilled();
    task.job.countKilled();
    task.framework.statusUpdate(task, TaskStatus.KILLED, null, ctx.engine().now());
  }

  private void release(TaskRun task) {
    long now = ctx.engine().now();
    Agent agent = task.agent;
    task.stop(now);
    agent.removeTask(task);
    task.job.removeRunning(task);
    core.taskEnded(task.framework.index, agent.index, task.resources, now);
    detach(task, now);
    agent.refreshRates(now, ctx.scratch());
  }

  private void detach(TaskRun task, long now) {
    FrameworkScheduler framework = task.framework;
    ctx.metrics().allocate(now, framework.index, task.cpus, task.mem, task.disk, task.gpus, -1);
    ctx.metrics().tasks(now, -1, 0);
    framework.taskStopped();
    progress.taskStopped(task);
  }

  // ---- agent failures -----------------------------------------------------------------------------------------

  /** The agent fails: its offers are rescinded and its tasks LOST; frameworks resubmit them. */
  @Override
  public void failAgent(Agent agent) {
    long now = ctx.engine().now();
    ctx.counters().agentFailed();
    core.removeAgent(agent.index, now);
    List<TaskRun> lost = new ArrayList<>(agent.tasks);
    for (TaskRun task : lost) {
      task.stop(now);
      agent.removeTask(task);
      task.job.removeRunning(task);
      task.job.countLost();
      detach(task, now);
      ctx.counters().taskLost();
    }
    agent.setUp(false);
    ctx.metrics().addTotal(now, -agent.totalCpus, -agent.totalMem, -agent.totalDisk, -agent.totalGpus);
    for (TaskRun task : lost) {
      task.framework.statusUpdate(task, TaskStatus.LOST, null, now);
    }
    ctx.engine().schedule(agent.transition, now + agent.transition.exponential(agentSettings.mttrMicros()));
  }

  /** The agent rejoins with all its resources free; a cycle runs over it. */
  @Override
  public void rejoinAgent(Agent agent) {
    long now = ctx.engine().now();
    agent.setUp(true);
    core.rejoinAgent(agent.index, now);
    ctx.metrics().addTotal(now, agent.totalCpus, agent.totalMem, agent.totalDisk, agent.totalGpus);
    ctx.engine().schedule(agent.transition, now + agent.transition.exponential(agentSettings.mtbfMicros()));
  }
}
