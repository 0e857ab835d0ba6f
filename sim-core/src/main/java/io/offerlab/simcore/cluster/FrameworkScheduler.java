package io.offerlab.simcore.cluster;

import io.offerlab.simcore.config.FrameworkSettings;
import io.offerlab.simcore.metrics.Percentiles;
import io.offerlab.workloads.JobKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A framework's scheduler: a FIFO queue of jobs that answers batches of offers, after the framework models of the
 * Mesos paper (Hindman et al., NSDI 2011, section 5) and the Omega paper's decision-time model (Schwarzkopf et al.,
 * EuroSys 2013).
 *
 * <ul>
 *   <li>batch and service jobs are elastic: each task is placed on its own, first come first served, next-fit over
 *       the offers held; service tasks simply run until killed or until their (long) work is done;</li>
 *   <li>gang jobs are rigid: all their pending tasks start together from the offers held at once, or none does, and
 *       the framework then holds or declines those offers ({@link GangPolicy});</li>
 *   <li>a decision takes {@code tJob x jobs placed (at least 1) + tTask x tasks placed}; the offers stay locked
 *       meanwhile, and offers arriving meanwhile wait for the next decision (the scheduler is single-threaded);</li>
 *   <li>unused offers and unused parts of accepted offers are declined with {@code refuseSeconds};</li>
 *   <li>the framework suppresses offers when it has nothing pending and revives when work arrives; failed tasks are
 *       retried up to {@code retryLimit}, lost ones always (a gang restarts as a whole).</li>
 * </ul>
 * Left out: data locality and delay scheduling, preemption, and frameworks that keep offers for later jobs.
 */
final class FrameworkScheduler {
  private static final int MAX_FAILED_SHAPES = 8;

  private final SimContext ctx;
  private final SchedulerDriver driver;
  private final RunProgress progress;
  final String name;
  final String role;
  final int index;
  final FrameworkSettings settings;
  private final TreeSet<JobRun> queue = new TreeSet<>(Comparator.comparingLong(j -> j.seq));
  private int pendingTasks;
  private int runningTasks;
  private boolean suppressed;
  private boolean work;
  final OfferDelivery delivery;
  /**
   * Offers on their way (the master's offer latency): one batch per cycle, as one Mesos OFFERS event. Each batch is a
   * fresh array that travels whole from the cycle to the decision.
   */
  private final ArrayDeque<Batch> transit = new ArrayDeque<>();
  /** Batches delivered while a decision runs, for the next one. */
  private final List<OfferState[]> inbox = new ArrayList<>();
  /** Whether an offer in transit, in the inbox or held may have been rescinded (then they are checked one by one). */
  private boolean stale;
  private final List<OfferState> held = new ArrayList<>();
  final DecisionDone decision;
  private boolean deciding;
  private final Placement placement;
  private final long[] milli = new long[4];
  private long[] resolveKeys = new long[16];
  private final AgentOrder agentOrder = new AgentOrder();

  int jobs;
  int jobsCompleted;
  int jobsFailed;
  long tasksLaunched;
  long tasksCompleted;
  long tasksFailed;
  long tasksKilled;
  long tasksLost;
  long oomKills;
  final Percentiles jct = new Percentiles();
  final Percentiles wait = new Percentiles();
  final Percentiles slowdown = new Percentiles();
  final Map<String, Long> failureReasons = new TreeMap<>();
  /** Whether the framework has declared the GPU_RESOURCES capability. */
  private boolean gpuCapable;
  /** Simulated time its scheduler spent deciding (decisions started), and when the last decision ends. */
  private long busyMicros;
  private long decisionEnd;

  FrameworkScheduler(SimContext ctx, SchedulerDriver driver, RunProgress progress, String name, String role, int index,
      FrameworkSettings settings, boolean gpuCapable) {
    this.ctx = ctx;
    this.placement = new Placement(ctx.slots());
    this.gpuCapable = gpuCapable;
    this.driver = driver;
    this.progress = progress;
    this.name = name;
    this.role = role;
    this.index = index;
    this.settings = settings;
    this.delivery = new OfferDelivery(this, ctx.engine());
    this.decision = new DecisionDone(this, ctx.engine());
  }

  // ---- work ---------------------------------------------------------------------------------------------------

  /** Queues a newly arrived job. */
  void submit(JobRun job, long now) {
    jobs++;
    queue.add(job);
    pendingTasks += job.released();
    ctx.metrics().tasks(now, 0, job.released());
    updateWork(now);
    wantOffers(now);
  }

  /** Puts a task back in its job's pending tasks (lost, or failed with retries left). */
  void requeue(JobRun job, int taskIndex, long now) {
    job.pushFront(taskIndex);
    queue.add(job);
    pendingTasks++;
    ctx.metrics().tasks(now, 0, 1);
    updateWork(now);
  }

  /** Removes a finished job's pending tasks from the queue; returns how many were dropped. */
  int dropJob(JobRun job, long now) {
    queue.remove(job);
    int dropped = job.dropPending();
    pendingTasks -= dropped;
    ctx.metrics().tasks(now, 0, -dropped);
    updateWork(now);
    return dropped;
  }

  void updateWork(long now) {
    boolean hasWork = pendingTasks + runningTasks > 0;
    if (hasWork != work) {
      work = hasWork;
      ctx.metrics().work(now, index, hasWork);
    }
  }

  /** Suppresses offers when idle, revives when there is pending work (Mesos SUPPRESS / REVIVE). */
  void wantOffers(long now) {
    boolean wants = pendingTasks > 0 || !held.isEmpty();
    if (wants && suppressed) {
      suppressed = false;
      driver.revive(this);
    } else if (!wants && !suppressed && !deciding) {
      suppressed = true;
      driver.suppress(this);
    }
  }

  /** Returns the simulated time its scheduler spent deciding up to {@code end} (a decision running on is cut there). */
  long busyMicros(long end) {
    return busyMicros - Math.max(0, decisionEnd - end);
  }

  /** Returns its queued jobs in submission order (read only; for the fairness probes). */
  Iterable<JobRun> queued() {
    return queue;
  }

  /** Returns how many of its tasks wait to be launched. */
  int pendingTasks() {
    return pendingTasks;
  }

  /** Returns how many of its tasks run. */
  int runningTasks() {
    return runningTasks;
  }

  /** Returns whether it has declared the GPU_RESOURCES capability. */
  boolean gpuCapable() {
    return gpuCapable;
  }

  /** Declares GPU_RESOURCES (its first job asking for GPUs); the master then tells the allocator. */
  void declareGpus() {
    gpuCapable = true;
  }

  /** The master launched one of its tasks: it leaves the pending tasks and runs. */
  void taskLaunched() {
    runningTasks++;
    pendingTasks--;
    tasksLaunched++;
  }

  /** One of its running tasks stopped (its status update follows, unless its agent failed). */
  void taskStopped() {
    runningTasks--;
  }

  /** One of its tasks was killed for passing its memory limit. */
  void oomKilled() {
    oomKills++;
  }

  /** A job of its arrived that no agent can host: it fails at once with its tasks counted as unschedulable. */
  void unschedulable(int tasks) {
    jobs++;
    failureReasons.merge("unschedulable", (long) tasks, Long::sum);
  }

  /** One of its jobs ended: completed and failed jobs are counted (a killed job is neither). */
  void jobEnded(JobRun.Outcome outcome) {
    if (outcome == JobRun.Outcome.COMPLETED) {
      jobsCompleted++;
    } else if (outcome == JobRun.Outcome.FAILED) {
      jobsFailed++;
    }
  }

  // ---- offers -------------------------------------------------------------------------------------------------

  /** Sends the offers of one cycle: they reach the framework at {@code deliverAt}, together. */
  void offersSent(OfferState[] offers, long deliverAt) {
    transit.addLast(new Batch(offers, deliverAt));
    if (!delivery.isScheduled()) {
      ctx.engine().schedule(delivery, deliverAt);
    }
  }

  /** Adds its outstanding offers on {@code agent} (on any agent when null) to {@code out}. */
  void collectOffers(Agent agent, List<OfferState> out) {
    for (Batch b : transit) {
      for (OfferState offer : b.offers()) {
        collect(offer, agent, out);
      }
    }
    for (OfferState[] offers : inbox) {
      for (OfferState offer : offers) {
        collect(offer, agent, out);
      }
    }
    for (OfferState offer : held) {
      collect(offer, agent, out);
    }
    if (deciding) {
      for (int i = 0; i < placement.offerCount(); i++) {
        collect(placement.offer(i), agent, out);
      }
    }
  }

  private static void collect(OfferState offer, Agent agent, List<OfferState> out) {
    if (offer.outstanding() && (agent == null || offer.agent == agent)) {
      out.add(offer);
    }
  }

  /** Notes that one of its offers was rescinded before it was answered. */
  void offerRescinded() {
    stale = true;
  }

  /** Delivers the offers due now and starts a decision if the scheduler is idle. */
  void deliverDue(long now) {
    while (!transit.isEmpty() && transit.peekFirst().deliverAt() <= now) {
      inbox.add(transit.pollFirst().offers());
    }
    if (!transit.isEmpty()) {
      ctx.engine().schedule(delivery, transit.peekFirst().deliverAt());
    }
    if (!deciding) {
      startDecision(now);
    }
  }

  private void startDecision(long now) {
    OfferState[] offers;
    int count;
    if (held.isEmpty() && inbox.size() == 1 && !stale) {
      offers = inbox.get(0);
      count = offers.length;
    } else {
      int total = held.size();
      for (OfferState[] batch : inbox) {
        total += batch.length;
      }
      offers = new OfferState[total];
      count = 0;
      for (OfferState offer : held) {
        if (!stale || offer.outstanding()) {
          offers[count++] = offer;
        }
      }
      for (OfferState[] batch : inbox) {
        for (OfferState offer : batch) {
          if (!stale || offer.outstanding()) {
            offers[count++] = offer;
          }
        }
      }
    }
    held.clear();
    inbox.clear();
    if (transit.isEmpty()) {
      stale = false;
    }
    if (count == 0) {
      return;
    }
    placement.setOffers(offers, count);
    boolean hadWork = !queue.isEmpty();
    int jobsPlaced = placement.plan(queue, settings);
    long time = 0;
    if (hadWork) {
      time = settings.tJobMicros() * Math.max(1, jobsPlaced) + settings.tTaskMicros() * placement.size();
    }
    deciding = true;
    busyMicros += time;
    decisionEnd = now + time;
    if (time == 0) {
      apply(now);
    } else {
      ctx.engine().schedule(decision, now + time);
    }
  }

  /** Ends the decision: launches the planned tasks whose offers are still valid, then declines or holds the rest. */
  void apply(long now) {
    deciding = false;
    Placement p = placement;
    int planned = p.size();
    for (int i = 0; i < planned; i++) {
      if (p.job(i).kind == JobKind.GANG && !p.offerOf(i).outstanding()) {
        p.job(i).setGangBroken(true);
      }
    }
    for (int i = planned - 1; i >= 0; i--) {
      JobRun job = p.job(i);
      if (job.finished()) {
        pendingTasks--;
        ctx.metrics().tasks(now, 0, -1);
      } else if (!p.offerOf(i).outstanding() || job.gangBroken()) {
        job.pushFront(p.task(i));
        queue.add(job);
      }
    }
    for (int i = 0; i < planned; i++) {
      JobRun job = p.job(i);
      OfferState offer = p.offerOf(i);
      if (!job.finished() && offer.outstanding() && !job.gangBroken()) {
        driver.launch(job, p.task(i), offer, p.milli(i, milli));
      }
    }
    for (int i = 0; i < planned; i++) {
      p.job(i).setGangBroken(false);
    }
    // A gang that could not start declines without a filter, so that the declined agents come back together at
    // the next cycle; with filters, their expiries would stagger and the gang might never see enough at once.
    double refuse = p.gangDeclined() ? 0 : settings.refuseSeconds();
    JobRun holdFor = p.holdFor();
    int n = p.offerCount();
    if (resolveKeys.length < n) {
      resolveKeys = new long[Math.max(n, 2 * resolveKeys.length)];
    }
    int resolving = 0;
    for (int i = 0; i < n; i++) {
      OfferState offer = p.offer(i);
      if (!offer.outstanding()) {
        continue;
      }
      if (offer.launched() == 0 && holdFor != null && !holdFor.finished()
          && Placement.hostsATaskOf(offer, holdFor, ctx.slots())) {
        held.add(offer);
      } else {
        resolveKeys[resolving++] = ((long) offer.agentIndex() << 32) | i;
      }
    }
    agentOrder.sort(resolveKeys, resolving, driver.agentCount());
    driver.answer(this, p.offers(), resolveKeys, resolving, refuse);
    p.clear();
    wantOffers(now);
    if (!inbox.isEmpty()) {
      startDecision(now);
    }
  }

  // ---- status updates -----------------------------------------------------------------------------------------

  /** Handles the end of one of its tasks (the master has already released its resources). */
  void statusUpdate(TaskRun task, TaskStatus status, String reason, long now) {
    JobRun job = task.job;
    switch (status) {
      case FINISHED -> {
        tasksCompleted++;
        if (job.taskCompleted(now - task.startTime, task.uncontendedMicros())) {
          progress.jobEnded(job, JobRun.Outcome.COMPLETED);
        } else {
          int next = job.releaseNextStage();
          if (next > 0) {
            queue.add(job);
            pendingTasks += next;
            ctx.metrics().tasks(now, 0, next);
          }
        }
      }
      case FAILED -> {
        tasksFailed++;
        failureReasons.merge(reason, 1L, Long::sum);
        boolean retry = job.recordFailure(task.taskIndex, settings.retryLimit());
        if (!retry) {
          progress.jobEnded(job, JobRun.Outcome.FAILED);
        } else if (job.kind == JobKind.GANG) {
          restartGang(job, task.taskIndex, now);
        } else {
          requeue(job, task.taskIndex, now);
        }
      }
      case LOST -> {
        tasksLost++;
        if (job.finished()) {
          break;
        }
        if (job.kind == JobKind.GANG) {
          restartGang(job, task.taskIndex, now);
        } else {
          requeue(job, task.taskIndex, now);
        }
      }
      case KILLED -> tasksKilled++;
      default -> throw new IllegalStateException("unknown status " + status);
    }
    updateWork(now);
    wantOffers(now);
  }

  /** Kills the gang's remaining tasks and queues every unfinished task again, to start together. */
  private void restartGang(JobRun job, int failedTask, long now) {
    List<Integer> restart = new ArrayList<>();
    restart.add(failedTask);
    for (TaskRun sibling : new ArrayList<>(job.running)) {
      restart.add(sibling.taskIndex);
      driver.kill(sibling);
    }
    restart.sort(null);
    for (int i = restart.size() - 1; i >= 0; i--) {
      job.pushFront(restart.get(i));
    }
    queue.add(job);
    pendingTasks += restart.size();
    ctx.metrics().tasks(now, 0, restart.size());
  }

  /** One cycle's offers to the framework and when they reach it. */
  private record Batch(OfferState[] offers, long deliverAt) {}
}
