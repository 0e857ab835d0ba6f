package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.Resources;
import io.offerlab.isolationmodel.Solution;
import io.offerlab.simcore.config.MasterSettings;
import io.offerlab.simcore.metrics.NanoHistogram;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Mesos master: it runs the allocator's cycle, turns its output into offers, applies accepts and declines,
 * rescinds offers that time out or whose agent fails, launches tasks and routes their status updates to frameworks.
 *
 * <p>Cycles start as ARCHITECTURE.md section 5 says: at every multiple of {@code allocationInterval} (default 1 s),
 * over one agent when it joins, and over all agents when a framework is added or revives, never on declines or task
 * ends. A cycle is an {@link AllocationTick} of priority 1, after every ordinary event of the same instant, so the
 * master can leave the tick unscheduled while no framework wants offers or no agent has allocatable free resources
 * (an allocator cycle then offers nothing and draws no random number) and re-arm it at the next multiple when that
 * changes: the results are those of ticking every interval, at a fraction of the events.
 */
final class Master {
  private final Simulation sim;
  final Allocator allocator;
  private final long interval;
  private final long latency;
  private final long timeout;
  private final boolean tickWhenIdle;
  final List<Agent> agentList = new ArrayList<>();
  final Map<String, FrameworkScheduler> frameworks = new HashMap<>();
  private final AllocationTick tick;
  private final OfferTimeouts timeouts;
  private final ArrayDeque<OfferState> byCreation = new ArrayDeque<>();
  private final List<Agent> agentCycle = new ArrayList<>();
  private final List<String> agentCycleIds = new ArrayList<>();
  private boolean fullRequested;
  private long lastPeriodic = -1;
  private int eligible;
  private int allocatable;
  final NanoHistogram cycleNanos = new NanoHistogram();
  /** Wall time spent inside the allocator (cycles, recovers, revives, suppresses), for perf.json. */
  long allocatorNanos;

  Master(Simulation sim, Allocator allocator, MasterSettings settings, boolean tickWhenIdle) {
    this.sim = sim;
    this.allocator = allocator;
    this.interval = settings.allocationIntervalMicros();
    this.latency = settings.offerLatencyMicros();
    this.timeout = settings.offerTimeoutMicros();
    this.tickWhenIdle = tickWhenIdle;
    this.tick = new AllocationTick(this);
    this.timeouts = new OfferTimeouts(this);
  }

  // ---- agents and frameworks ----------------------------------------------------------------------------------

  /** Adds an agent at the start of the run. */
  void addAgent(Agent agent) {
    agentList.add(agent);
    allocator.addAgent(agent.id, agent.total);
    updateAllocatable(agent);
  }

  /** Registers a framework with its role (Mesos SUBSCRIBE) and runs a cycle for it. */
  void addFramework(FrameworkScheduler framework) {
    frameworks.put(framework.name, framework);
    allocator.addFramework(framework.name, framework.role);
    eligible++;
    requestFullCycle();
  }

  /** Mesos REVIVE: clears the framework's filters, unsuppresses it and runs a cycle. */
  void revive(FrameworkScheduler framework) {
    long start = System.nanoTime();
    allocator.revive(framework.name);
    allocatorNanos += System.nanoTime() - start;
    framework.suppressed = false;
    eligible++;
    requestFullCycle();
  }

  /** Mesos SUPPRESS: no more offers to the framework until it revives. */
  void suppress(FrameworkScheduler framework) {
    long start = System.nanoTime();
    allocator.suppress(framework.name);
    allocatorNanos += System.nanoTime() - start;
    framework.suppressed = true;
    eligible--;
  }

  // ---- the allocation cycle -----------------------------------------------------------------------------------

  private boolean armed() {
    return eligible > 0 && allocatable > 0;
  }

  private void requestFullCycle() {
    fullRequested = true;
    runNow();
  }

  private void requestAgentCycle(Agent agent) {
    if (!agentCycle.contains(agent)) {
      agentCycle.add(agent);
    }
    runNow();
  }

  private void runNow() {
    long now = sim.engine.now();
    if (!tick.isScheduled()) {
      sim.engine.schedule(tick, now);
    } else if (tick.scheduledTime() > now) {
      sim.engine.reschedule(tick, now);
    }
  }

  /** Schedules the next periodic tick if a cycle could offer something (or always, with tickWhenIdle). */
  private void rearm() {
    if (tick.isScheduled() || !(tickWhenIdle || armed())) {
      return;
    }
    long now = sim.engine.now();
    long multiple = now / interval * interval;
    sim.engine.schedule(tick, multiple == now && lastPeriodic != now ? now : multiple + interval);
  }

  void tick() {
    long now = sim.engine.now();
    boolean periodic = now % interval == 0;
    if (periodic) {
      lastPeriodic = now;
    }
    if (fullRequested || (periodic && armed())) {
      cycle(now, null);
    } else if (!agentCycle.isEmpty()) {
      agentCycleIds.clear();
      for (Agent agent : agentCycle) {
        if (agent.up) {
          agentCycleIds.add(agent.id);
        }
      }
      cycle(now, agentCycleIds);
    }
    fullRequested = false;
    agentCycle.clear();
    rearm();
  }

  private void cycle(long now, List<String> agentIds) {
    long start = System.nanoTime();
    List<Offer> offers = agentIds == null ? allocator.allocate(now) : allocator.allocate(now, agentIds);
    long elapsed = System.nanoTime() - start;
    cycleNanos.record(elapsed);
    allocatorNanos += elapsed;
    for (Offer offer : offers) {
      makeOffer(offer, now);
    }
  }

  private void makeOffer(Offer offer, long now) {
    FrameworkScheduler framework = frameworks.get(offer.frameworkId());
    Agent agent = agent(offer.agentId());
    OfferState state = new OfferState(framework, agent, offer.resources(), now, now + latency);
    agent.offers.add(state);
    agent.changeFree(state.cpus, state.mem, state.disk, state.gpus, -1);
    updateAllocatable(agent);
    sim.metrics.offer(now, framework.index, state.cpus, state.mem, state.gpus, 1);
    sim.counters.offersMade++;
    if (timeout > 0) {
      byCreation.addLast(state);
      if (!timeouts.isScheduled()) {
        sim.engine.schedule(timeouts, now + timeout);
      }
    }
    framework.offerSent(state);
  }

  /** Finds an agent by id: ids are "a" + a zero-padded index, so the index is read back without hashing. */
  private Agent agent(String id) {
    int index = 0;
    for (int i = 1; i < id.length(); i++) {
      index = index * 10 + (id.charAt(i) - '0');
    }
    Agent agent = index < agentList.size() ? agentList.get(index) : null;
    if (agent == null || !agent.id.equals(id)) {
      throw new IllegalStateException("the allocator offered unknown agent '" + id + "'");
    }
    return agent;
  }

  private void updateAllocatable(Agent agent) {
    boolean now = agent.computeAllocatable();
    if (now != agent.allocatable) {
      agent.allocatable = now;
      allocatable += now ? 1 : -1;
      if (now) {
        rearm();
      }
    }
  }

  private void recover(String framework, String agent, Resources resources, double refuseSeconds, long now) {
    long start = System.nanoTime();
    allocator.recover(framework, agent, resources, refuseSeconds, now);
    allocatorNanos += System.nanoTime() - start;
  }

  // ---- offers -------------------------------------------------------------------------------------------------

  /** Accepts an offer on which tasks were launched; its unused part is declined with the refuse filter. */
  void accept(OfferState offer, double refuseSeconds) {
    long now = sim.engine.now();
    long cpus = offer.cpus - offer.usedCpus;
    long mem = offer.mem - offer.usedMem;
    long disk = offer.disk - offer.usedDisk;
    long gpus = offer.gpus - offer.usedGpus;
    Resources used = Resources.of(Milli.value(offer.usedCpus), Milli.value(offer.usedMem),
        Milli.value(offer.usedDisk), Milli.value(offer.usedGpus));
    Resources leftover = offer.resources.minus(used);
    if (!leftover.isEmpty()) {
      recover(offer.framework.name, offer.agent.id, leftover, refuseSeconds, now);
      offer.agent.changeFree(cpus, mem, disk, gpus, 1);
    }
    resolve(offer, OfferState.Status.ACCEPTED, now);
    sim.counters.offersAccepted++;
  }

  /** Declines a whole offer with the refuse filter. */
  void decline(OfferState offer, double refuseSeconds) {
    long now = sim.engine.now();
    recover(offer.framework.name, offer.agent.id, offer.resources, refuseSeconds, now);
    offer.agent.changeFree(offer.cpus, offer.mem, offer.disk, offer.gpus, 1);
    resolve(offer, OfferState.Status.DECLINED, now);
    sim.counters.offersDeclined++;
  }

  /** Rescinds an offer; its resources return to the allocator unless its agent is gone. */
  private void rescind(OfferState offer, boolean recover) {
    long now = sim.engine.now();
    if (recover) {
      recover(offer.framework.name, offer.agent.id, offer.resources, 0, now);
      offer.agent.changeFree(offer.cpus, offer.mem, offer.disk, offer.gpus, 1);
    }
    resolve(offer, OfferState.Status.RESCINDED, now);
    sim.counters.offersRescinded++;
  }

  private void resolve(OfferState offer, OfferState.Status status, long now) {
    offer.status = status;
    offer.agent.offers.remove(offer);
    sim.metrics.offer(now, offer.framework.index, offer.cpus, offer.mem, offer.gpus, -1);
    updateAllocatable(offer.agent);
  }

  /** Rescinds the offers held past the offer timeout. */
  void expireOffers() {
    long now = sim.engine.now();
    while (!byCreation.isEmpty()) {
      OfferState head = byCreation.peekFirst();
      if (!head.outstanding()) {
        byCreation.pollFirst();
      } else if (head.createdAt + timeout <= now) {
        byCreation.pollFirst();
        rescind(head, true);
      } else {
        break;
      }
    }
    if (!byCreation.isEmpty()) {
      sim.engine.schedule(timeouts, Math.max(now, byCreation.peekFirst().createdAt + timeout));
    }
  }

  // ---- tasks --------------------------------------------------------------------------------------------------

  /** Launches a task on an offer (part of an accept); its resources pass from the offer to the task. */
  void launch(JobRun job, int taskIndex, OfferState offer, long[] milli) {
    long now = sim.engine.now();
    Agent agent = offer.agent;
    FrameworkScheduler framework = job.framework;
    TaskRun task = new TaskRun(sim, job, taskIndex, agent, milli);
    offer.usedCpus += task.cpus;
    offer.usedMem += task.mem;
    offer.usedDisk += task.disk;
    offer.usedGpus += task.gpus;
    offer.launched++;
    agent.addTask(task);
    job.addRunning(task);
    if (job.firstStart < 0) {
      job.firstStart = now;
    }
    framework.runningTasks++;
    framework.pendingTasks--;
    framework.tasksLaunched++;
    sim.counters.tasksLaunched++;
    sim.metrics.allocate(now, framework.index, task.cpus, task.mem, task.gpus, 1);
    sim.metrics.tasks(now, 1, -1);
    sim.metrics.use(now, framework.index, 0, task.memUsageMb);
    sim.taskStarted(task);
    if (!task.start(now)) {
      taskOomKilled(task);
      return;
    }
    agent.refreshRates(now, sim.scratch);
    task.reschedule(now);
  }

  /** TASK_FINISHED: the task's work is done. */
  void taskFinished(TaskRun task) {
    release(task);
    sim.counters.tasksCompleted++;
    task.framework.statusUpdate(task, TaskStatus.FINISHED, null, sim.engine.now());
  }

  /** TASK_FAILED with reason memory-limit: the task's usage passed its cgroup memory limit. */
  void taskOomKilled(TaskRun task) {
    release(task);
    sim.counters.tasksFailed++;
    sim.counters.oomKills++;
    task.framework.oomKills++;
    task.framework.statusUpdate(task, TaskStatus.FAILED, Solution.OOM_REASON, sim.engine.now());
  }

  /** TASK_KILLED: the framework kills a running task. */
  void kill(TaskRun task) {
    release(task);
    sim.counters.tasksKilled++;
    task.job.killed++;
    task.framework.statusUpdate(task, TaskStatus.KILLED, null, sim.engine.now());
  }

  private void release(TaskRun task) {
    long now = sim.engine.now();
    Agent agent = task.agent;
    FrameworkScheduler framework = task.framework;
    task.stop(now);
    agent.removeTask(task);
    task.job.removeRunning(task);
    recover(framework.name, agent.id, task.resources, 0, now);
    agent.changeFree(task.cpus, task.mem, task.disk, task.gpus, 1);
    updateAllocatable(agent);
    detach(task, now);
    agent.refreshRates(now, sim.scratch);
  }

  private void detach(TaskRun task, long now) {
    FrameworkScheduler framework = task.framework;
    sim.metrics.allocate(now, framework.index, task.cpus, task.mem, task.gpus, -1);
    sim.metrics.tasks(now, -1, 0);
    framework.runningTasks--;
    sim.taskStopped(task);
  }

  // ---- agent failures -----------------------------------------------------------------------------------------

  /** The agent fails: its offers are rescinded and its tasks LOST; frameworks resubmit them. */
  void failAgent(Agent agent) {
    long now = sim.engine.now();
    sim.counters.agentFailures++;
    allocator.removeAgent(agent.id);
    for (OfferState offer : new ArrayList<>(agent.offers)) {
      rescind(offer, false);
    }
    List<TaskRun> lost = new ArrayList<>(agent.tasks);
    for (TaskRun task : lost) {
      task.stop(now);
      agent.removeTask(task);
      task.job.removeRunning(task);
      task.job.lost++;
      detach(task, now);
      sim.counters.tasksLost++;
    }
    agent.up = false;
    agent.changeFree(agent.freeCpus, agent.freeMem, agent.freeDisk, agent.freeGpus, -1);
    updateAllocatable(agent);
    sim.metrics.addTotal(now, -agent.totalCpus, -agent.totalMem, -agent.totalGpus);
    for (TaskRun task : lost) {
      task.framework.statusUpdate(task, TaskStatus.LOST, null, now);
    }
    sim.engine.schedule(agent.transition, now + agent.transition.exponential(sim.config.agents().mttrMicros()));
  }

  /** The agent rejoins with all its resources free; a cycle runs over it. */
  void rejoinAgent(Agent agent) {
    long now = sim.engine.now();
    allocator.addAgent(agent.id, agent.total);
    agent.up = true;
    agent.resetFree();
    updateAllocatable(agent);
    sim.metrics.addTotal(now, agent.totalCpus, agent.totalMem, agent.totalGpus);
    requestAgentCycle(agent);
    sim.engine.schedule(agent.transition, now + agent.transition.exponential(sim.config.agents().mtbfMicros()));
  }
}
