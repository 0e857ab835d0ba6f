package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Capability;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.Resources;
import io.offerlab.isolationmodel.Solution;
import io.offerlab.simcore.config.MasterSettings;
import io.offerlab.simcore.metrics.NanoHistogram;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  /** Frameworks in the order they registered, which is their {@link FrameworkScheduler#index}. */
  private final List<FrameworkScheduler> frameworkList = new ArrayList<>();
  /** The ids of the agents, by index (the strings the allocator hands back). */
  private final List<String> agentIdList = new ArrayList<>();
  /** The agents' free resources and whether they are allocatable. */
  final FreeMirror free = new FreeMirror();
  private final AllocationTick tick;
  private final OfferTimeouts timeouts;
  private final ArrayDeque<OfferState> byCreation = new ArrayDeque<>();
  private final List<Agent> agentCycle = new ArrayList<>();
  private final List<String> agentCycleIds = new ArrayList<>();
  /** Open-addressing table of agent index + 1 by the hash of the agent id (0 = empty). */
  private int[] agentTable = new int[16];
  /** Scratch of {@link #cycle}: the agent index and the framework index of each offer. */
  private int[] offerAgents = new int[16];
  private int[] offerFrameworks = new int[16];
  /** Frameworks with offers in the cycle being turned into offers. */
  private FrameworkScheduler[] batchFrameworks = new FrameworkScheduler[16];
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
    indexAgent(agentList.size() - 1);
    allocator.addAgent(agent.id, agent.total);
    free.ensure(agent.index);
    free.change(agent.index, agent.totalCpus, agent.totalMem, agent.totalDisk, agent.totalGpus, 1);
    updateAllocatable(agent.index);
  }

  /** Registers a framework with its role (Mesos SUBSCRIBE) and runs a cycle for it. */
  void addFramework(FrameworkScheduler framework) {
    if (framework.index != frameworkList.size()) {
      throw new IllegalStateException("framework " + framework.name + " registers as number " + frameworkList.size()
          + " but has index " + framework.index);
    }
    frameworks.put(framework.name, framework);
    frameworkList.add(framework);
    allocator.addFramework(framework.name, framework.role,
        framework.gpuCapable ? EnumSet.of(Capability.GPU_RESOURCES) : Set.of());
    eligible++;
    requestFullCycle();
  }

  /** Mesos UPDATE_FRAMEWORK adding GPU_RESOURCES: GPU agents may be offered to the framework from the next cycle. */
  void declareGpus(FrameworkScheduler framework) {
    if (!framework.gpuCapable) {
      framework.gpuCapable = true;
      allocator.updateFramework(framework.name, EnumSet.of(Capability.GPU_RESOURCES));
    }
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

  /**
   * Runs the allocator's cycle and turns its output into offers. Each framework's offers of the cycle travel as one
   * batch (Mesos' OFFERS event carries many offers), and the metrics of the locked resources are updated once per
   * framework: every offer adds, so the time-weighted means are those of adding them one by one.
   */
  private void cycle(long now, List<String> agentIds) {
    long start = System.nanoTime();
    List<Offer> offers = agentIds == null ? allocator.allocate(now) : allocator.allocate(now, agentIds);
    long elapsed = System.nanoTime() - start;
    cycleNanos.record(elapsed);
    allocatorNanos += elapsed;
    int n = offers.size();
    if (n == 0) {
      return;
    }
    if (timeout > 0 && !timeouts.isScheduled()) {
      sim.engine.schedule(timeouts, now + timeout);
    }
    // A first pass finds each offer's agent and framework and counts the offers per framework. Finding an agent
    // reads its id string, a cache miss per offer; in this short loop the misses overlap instead of queueing.
    if (offerAgents.length < n) {
      offerAgents = new int[Math.max(n, 2 * offerAgents.length)];
      offerFrameworks = new int[offerAgents.length];
    }
    int touched = 0;
    FrameworkScheduler framework = null;
    for (int i = 0; i < n; i++) {
      Offer offer = offers.get(i);
      offerAgents[i] = agentIndex(offer.agentId());
      String id = offer.frameworkId();
      if (framework == null || id != framework.name) {
        framework = frameworks.get(id);
      }
      offerFrameworks[i] = framework.index;
      if (framework.batchSize++ == 0) {
        if (touched == batchFrameworks.length) {
          batchFrameworks = Arrays.copyOf(batchFrameworks, touched * 2);
        }
        batchFrameworks[touched++] = framework;
      }
    }
    for (int k = 0; k < touched; k++) {
      FrameworkScheduler f = batchFrameworks[k];
      f.batch = new OfferState[f.batchSize];
      f.batchSize = 0;
    }
    for (int i = 0; i < n; i++) {
      Offer offer = offers.get(i);
      framework = frameworkList.get(offerFrameworks[i]);
      int index = offerAgents[i];
      OfferState state = new OfferState(framework, agentList.get(index), offer.agentId(), index, offer.resources(),
          now);
      free.change(index, state.cpus, state.mem, state.disk, state.gpus, -1);
      updateAllocatable(index);
      framework.batchCpus += state.cpus;
      framework.batchMem += state.mem;
      framework.batchDisk += state.disk;
      framework.batchGpus += state.gpus;
      framework.batch[framework.batchSize++] = state;
      if (timeout > 0) {
        byCreation.addLast(state);
      }
    }
    sim.counters.offersMade += n;
    long deliverAt = now + latency;
    for (int k = 0; k < touched; k++) {
      FrameworkScheduler f = batchFrameworks[k];
      batchFrameworks[k] = null;
      flushOfferMetrics(f, now);
      f.offersSent(f.batch, deliverAt);
      f.batch = null;
      f.batchSize = 0;
    }
  }

  /**
   * Applies the framework's batch of offered resources to the metrics at once. Within a batch every change has the
   * same sign, so the time-weighted means equal those of applying the changes one by one at the same instant.
   */
  private void flushOfferMetrics(FrameworkScheduler framework, long now) {
    sim.metrics.offer(now, framework.index, framework.batchCpus, framework.batchMem, framework.batchDisk,
        framework.batchGpus, 1);
    framework.batchCpus = 0;
    framework.batchMem = 0;
    framework.batchDisk = 0;
    framework.batchGpus = 0;
  }

  /**
   * Finds an agent's index by the id the allocator returns (the agent's own string): open addressing on the string's
   * cached hash.
   */
  private int agentIndex(String id) {
    int mask = agentTable.length - 1;
    for (int h = mix(id.hashCode()) & mask; ; h = (h + 1) & mask) {
      int slot = agentTable[h];
      if (slot == 0) {
        throw new IllegalStateException("the allocator offered unknown agent '" + id + "'");
      }
      String known = agentIdList.get(slot - 1);
      if (known == id || known.equals(id)) {
        return slot - 1;
      }
    }
  }

  private void indexAgent(int index) {
    agentIdList.add(agentList.get(index).id);
    if (2 * (index + 1) > agentTable.length) {
      agentTable = new int[Math.max(16, 2 * agentTable.length)];
      for (int i = 0; i < index; i++) {
        insertAgent(agentList.get(i).id, i);
      }
    }
    insertAgent(agentList.get(index).id, index);
  }

  private void insertAgent(String id, int index) {
    int mask = agentTable.length - 1;
    int h = mix(id.hashCode()) & mask;
    while (agentTable[h] != 0) {
      h = (h + 1) & mask;
    }
    agentTable[h] = index + 1;
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void updateAllocatable(int agentIndex) {
    int flip = free.refresh(agentIndex);
    if (flip != 0) {
      allocatable += flip;
      if (flip > 0) {
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

  /**
   * Answers a decision's offers (Mesos ACCEPT and DECLINE calls): {@code offers[keys[k] & 0xFFFFFFFF]} for k below
   * {@code n}, in that order. An offer with tasks launched on it is accepted and its unused part declined, the others
   * are declined, all with the filter {@code refuseSeconds}. The master's own bookkeeping is done first; then the
   * resources go back to the allocator in one run of {@code recover} calls, timed together (the two do not depend on
   * each other). The change of offered resources is applied to the metrics once, as in {@link #cycle}. Declining an
   * offer with nothing left (Resources empty) is a no-op in Mesos and is not passed on.
   */
  void answer(FrameworkScheduler framework, OfferState[] offers, long[] keys, int n, double refuseSeconds) {
    long now = sim.engine.now();
    long sumCpus = 0;
    long sumMem = 0;
    long sumDisk = 0;
    long sumGpus = 0;
    for (int k = 0; k < n; k++) {
      OfferState offer = offers[(int) keys[k]];
      OfferPlan plan = offer.plan;
      if (plan != null && plan.launched > 0) {
        free.change(offer.agentIndex, offer.cpus - plan.usedCpus, offer.mem - plan.usedMem,
            offer.disk - plan.usedDisk, offer.gpus - plan.usedGpus, 1);
        offer.status = OfferState.Status.ACCEPTED;
        sim.counters.offersAccepted++;
      } else {
        free.change(offer.agentIndex, offer.cpus, offer.mem, offer.disk, offer.gpus, 1);
        offer.status = OfferState.Status.DECLINED;
        sim.counters.offersDeclined++;
      }
      sumCpus += offer.cpus;
      sumMem += offer.mem;
      sumDisk += offer.disk;
      sumGpus += offer.gpus;
      updateAllocatable(offer.agentIndex);
    }
    sim.metrics.offer(now, framework.index, sumCpus, sumMem, sumDisk, sumGpus, -1);
    String name = framework.name;
    long start = System.nanoTime();
    for (int k = 0; k < n; k++) {
      OfferState offer = offers[(int) keys[k]];
      Resources back = offer.resources;
      if (offer.status == OfferState.Status.ACCEPTED) {
        OfferPlan plan = offer.plan;
        back = back.minus(Resources.of(Milli.value(plan.usedCpus), Milli.value(plan.usedMem),
            Milli.value(plan.usedDisk), Milli.value(plan.usedGpus)));
      }
      if (!back.isEmpty()) {
        allocator.recover(name, offer.agentId, back, refuseSeconds, now);
      }
    }
    allocatorNanos += System.nanoTime() - start;
  }

  /** Rescinds an offer; its resources return to the allocator unless its agent is gone. */
  private void rescind(OfferState offer, boolean recover) {
    long now = sim.engine.now();
    if (recover) {
      recover(offer.framework.name, offer.agentId, offer.resources, 0, now);
      free.change(offer.agentIndex, offer.cpus, offer.mem, offer.disk, offer.gpus, 1);
    }
    resolve(offer, OfferState.Status.RESCINDED, now);
    offer.framework.offerRescinded();
    sim.counters.offersRescinded++;
  }

  private void resolve(OfferState offer, OfferState.Status status, long now) {
    offer.status = status;
    sim.metrics.offer(now, offer.framework.index, offer.cpus, offer.mem, offer.disk, offer.gpus, -1);
    updateAllocatable(offer.agentIndex);
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
    OfferPlan plan = offer.plan;
    plan.usedCpus += task.cpus;
    plan.usedMem += task.mem;
    plan.usedDisk += task.disk;
    plan.usedGpus += task.gpus;
    plan.launched++;
    agent.addTask(task);
    job.addRunning(task);
    if (job.firstStart < 0) {
      job.firstStart = now;
    }
    framework.runningTasks++;
    framework.pendingTasks--;
    framework.tasksLaunched++;
    sim.counters.tasksLaunched++;
    sim.metrics.allocate(now, framework.index, task.cpus, task.mem, task.disk, task.gpus, 1);
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
    free.change(agent.index, task.cpus, task.mem, task.disk, task.gpus, 1);
    updateAllocatable(agent.index);
    detach(task, now);
    agent.refreshRates(now, sim.scratch);
  }

  private void detach(TaskRun task, long now) {
    FrameworkScheduler framework = task.framework;
    sim.metrics.allocate(now, framework.index, task.cpus, task.mem, task.disk, task.gpus, -1);
    sim.metrics.tasks(now, -1, 0);
    framework.runningTasks--;
    sim.taskStopped(task);
  }

  // ---- agent failures -----------------------------------------------------------------------------------------

  /**
   * Returns the outstanding offers on the agent, or on every agent when {@code agent} is null, oldest first: they are
   * with their frameworks (in transit, in the inbox, held, or in a decision), so this looks through every framework.
   */
  List<OfferState> outstandingOffers(Agent agent) {
    List<OfferState> out = new ArrayList<>();
    for (FrameworkScheduler framework : frameworkList) {
      framework.collectOffers(agent, out);
    }
    out.sort(Comparator.comparingLong(o -> o.createdAt));
    return out;
  }

  /** The agent fails: its offers are rescinded and its tasks LOST; frameworks resubmit them. */
  void failAgent(Agent agent) {
    long now = sim.engine.now();
    sim.counters.agentFailures++;
    allocator.removeAgent(agent.id);
    for (OfferState offer : outstandingOffers(agent)) {
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
    free.clear(agent.index);
    updateAllocatable(agent.index);
    sim.metrics.addTotal(now, -agent.totalCpus, -agent.totalMem, -agent.totalDisk, -agent.totalGpus);
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
    free.change(agent.index, agent.totalCpus, agent.totalMem, agent.totalDisk, agent.totalGpus, 1);
    updateAllocatable(agent.index);
    sim.metrics.addTotal(now, agent.totalCpus, agent.totalMem, agent.totalDisk, agent.totalGpus);
    requestAgentCycle(agent);
    sim.engine.schedule(agent.transition, now + agent.transition.exponential(sim.config.agents().mtbfMicros()));
  }
}
