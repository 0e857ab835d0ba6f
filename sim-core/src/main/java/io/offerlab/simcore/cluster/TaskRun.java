package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Resources;
import io.offerlab.isolationmodel.CgroupSettings;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.UsagePoint;
import java.util.List;

/**
 * One attempt of a task, running on an agent under the fluid isolation model; it is also the event of its own next
 * transition. The task's profile runs in its own time: at full speed (CPU rate = demand) one second of profile takes
 * one second, and at rate r &lt; demand d it advances at r / d, so its work in CPU-seconds is demand x duration as the
 * workload states. A task demanding no CPU advances in real time. The next transition is the end of the profile
 * (TASK_FINISHED) or its next usage point, where the demand and memory usage change and the memory limit is checked
 * (an OOM kill is TASK_FAILED with reason {@code memory-limit}).
 */
final class TaskRun extends SimEvent {
  private static final double BYTES_PER_MB = 1024.0 * 1024.0;

  private final SimContext ctx;
  private final TaskEnds ends;
  final JobRun job;
  final int taskIndex;
  final FrameworkScheduler framework;
  final Agent agent;
  final Resources resources;
  final long cpus;
  final long mem;
  final long disk;
  final long gpus;
  final long shares;
  final double quotaCores;
  final long memLimitBytes;
  private final long duration;
  private final List<UsagePoint> usage;
  private int nextPoint;
  double demand;
  double memUsageMb;
  private double progress;
  private long lastUpdate;
  double rate;
  boolean throttled;
  long startTime;
  private int agentSlot = -1;
  private int jobSlot = -1;
  boolean running;

  TaskRun(SimContext ctx, TaskEnds ends, JobRun job, int taskIndex, Agent agent, long[] milli) {
    this.ctx = ctx;
    this.ends = ends;
    this.job = job;
    this.taskIndex = taskIndex;
    this.framework = job.framework;
    this.agent = agent;
    TaskSpec spec = job.spec(taskIndex);
    this.cpus = milli[0];
    this.mem = milli[1];
    this.disk = milli[2];
    this.gpus = milli[3];
    this.resources = Resources.of(Milli.value(cpus), Milli.value(mem), Milli.value(disk), Milli.value(gpus));
    CgroupSettings cgroup = CgroupSettings.forTask(spec.request().cpus(), spec.request().memMb(), ctx.isolation());
    this.shares = cgroup.cpuShares();
    this.quotaCores = cgroup.quotaCores();
    this.memLimitBytes = cgroup.memoryLimitBytes();
    this.duration = spec.durationMicros();
    this.usage = spec.usage();
    this.demand = spec.request().cpus();
    this.memUsageMb = spec.request().memMb();
  }

  /** Starts the profile at {@code now}; returns false when its first usage point already breaks the memory limit. */
  boolean start(long now) {
    startTime = now;
    lastUpdate = now;
    progress = 0;
    rate = 0;
    running = true;
    if (!usage.isEmpty() && usage.get(0).offsetMicros() == 0) {
      applyPoint(usage.get(0));
      nextPoint = 1;
      return !overLimit();
    }
    return true;
  }

  private void applyPoint(UsagePoint point) {
    double oldMem = memUsageMb;
    demand = point.cpus();
    memUsageMb = point.memMb();
    if (running && oldMem != memUsageMb) {
      ctx.metrics().use(ctx.engine().now(), framework.index, 0, memUsageMb - oldMem);
    }
  }

  private boolean overLimit() {
    return agent.model.oomKills(memLimitBytes, memUsageMb * BYTES_PER_MB);
  }

  private double speed() {
    return demand > 0 ? rate / demand : 1.0;
  }

  /** The profile time of the next transition (+infinity for a task that runs until killed). */
  private double target() {
    if (nextPoint < usage.size()) {
      long offset = usage.get(nextPoint).offsetMicros();
      if (offset < duration) {
        return offset;
      }
    }
    return duration == TaskSpec.UNBOUNDED ? Double.POSITIVE_INFINITY : duration;
  }

  private void advance(long now) {
    if (now > lastUpdate) {
      progress = Math.min(target(), progress + (now - lastUpdate) * speed());
      lastUpdate = now;
    }
  }

  /** Applies a new CPU rate from {@code now} on and moves the next transition accordingly. */
  void setRate(long now, double newRate) {
    if (newRate == rate) {
      return;
    }
    advance(now);
    double delta = newRate - rate;
    rate = newRate;
    ctx.metrics().use(now, framework.index, delta, 0);
    boolean nowThrottled = agent.quota && quotaCores < demand && newRate >= quotaCores;
    if (nowThrottled != throttled) {
      throttled = nowThrottled;
      ctx.metrics().throttled(now, framework.index, nowThrottled ? 1 : -1);
    }
    reschedule(now);
  }

  /** Schedules the next transition from the current progress and speed. */
  void reschedule(long now) {
    double remaining = target() - progress;
    double speed = speed();
    if (Double.isInfinite(remaining) || !(speed > 0)) {
      ctx.engine().cancel(this);
      return;
    }
    double delay = remaining <= 0 ? 0 : Math.ceil(remaining / speed);
    if (delay >= Long.MAX_VALUE - now) {
      ctx.engine().cancel(this);
      return;
    }
    ctx.engine().reschedule(this, now + (long) delay);
  }

  /** Stops the task's execution (it ended for any reason): releases its metrics and its throttled state. */
  void stop(long now) {
    advance(now);
    ctx.engine().cancel(this);
    running = false;
    ctx.metrics().use(now, framework.index, -rate, -memUsageMb);
    if (throttled) {
      throttled = false;
      ctx.metrics().throttled(now, framework.index, -1);
    }
    rate = 0;
  }

  int agentSlot() {
    return agentSlot;
  }

  void setAgentSlot(int slot) {
    agentSlot = slot;
  }

  int jobSlot() {
    return jobSlot;
  }

  void setJobSlot(int slot) {
    jobSlot = slot;
  }

  /** Returns the task's run time at full speed, for slowdown: how long it ran if it completed. */
  long uncontendedMicros() {
    return duration;
  }

  @Override
  protected void fire() {
    long now = ctx.engine().now();
    advance(now);
    double target = target();
    progress = target;
    if (target >= duration) {
      ends.taskFinished(this);
      return;
    }
    applyPoint(usage.get(nextPoint++));
    if (overLimit()) {
      ends.taskOomKilled(this);
      return;
    }
    agent.refreshRates(now, ctx.scratch());
    reschedule(now);
  }

  @Override
  public String toString() {
    return "task(" + job.id + "#" + taskIndex + "@" + agent.id + ")";
  }
}
