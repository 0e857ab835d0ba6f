package io.offerlab.simcore.cluster;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A job in flight: which of its tasks are pending, running and done, its retries and its times. Pending tasks are
 * those never started (a cursor) plus an explicit queue in front of them (retries, resubmissions, skipped tasks). A
 * staged job ({@link Job#stages()}) releases its tasks stage by stage: the cursor stops at the end of the released
 * stages until all their tasks have finished.
 */
final class JobRun {
  /** How a job ended; UNFINISHED while it runs or waits. */
  enum Outcome { COMPLETED, FAILED, KILLED, UNFINISHED }

  final String id;
  final long seq;
  final FrameworkScheduler framework;
  final JobKind kind;
  final long arrival;
  final int taskCount;
  /** Whether every task has finite work, so the job can complete. */
  final boolean finite;
  private List<TaskSpec> specs;
  private int nextUnstarted;
  /** Tasks before this index are released (pending once unstarted); the rest wait for earlier stages. */
  private int released;
  private final List<Integer> stages;
  private int stage;
  private final IntDeque front = new IntDeque();
  final List<TaskRun> running = new ArrayList<>();
  int completed;
  int failedAttempts;
  int killed;
  int lost;
  private int[] failures;
  int gangFailures;
  long firstStart = -1;
  long finish = -1;
  Outcome outcome = Outcome.UNFINISHED;
  /** Planning scratch: a gang whose planned offers were rescinded before the decision ended. */
  private boolean gangBroken;
  double runMicros;
  double uncontendedMicros;

  JobRun(Job job, long seq, FrameworkScheduler framework) {
    this.id = job.id();
    this.seq = seq;
    this.framework = framework;
    this.kind = job.kind();
    this.arrival = job.arrivalMicros();
    this.specs = job.tasks();
    this.taskCount = specs.size();
    this.stages = job.stages();
    this.released = stages.isEmpty() ? taskCount : stages.get(0);
    boolean allFinite = true;
    for (TaskSpec t : specs) {
      allFinite &= !t.unbounded();
    }
    this.finite = allFinite;
  }

  TaskSpec spec(int index) {
    return specs.get(index);
  }

  List<TaskSpec> specs() {
    return specs;
  }

  /** Returns how many tasks wait to be (re)launched. */
  int pending() {
    return (released - nextUnstarted) + front.size();
  }

  /** Returns how many tasks are released so far (all of them unless the job is staged). */
  int released() {
    return released;
  }

  /**
   * Releases the next stage when every released task has finished; returns how many tasks became pending (0 when the
   * current stage is still running or there is no next stage).
   */
  int releaseNextStage() {
    if (completed < released || released >= taskCount) {
      return 0;
    }
    int size = stages.get(++stage);
    released += size;
    return size;
  }

  /** Returns the spec of the k-th pending task (0 &lt;= k &lt; {@link #pending()}), in the order they would launch. */
  TaskSpec pendingSpec(int k) {
    int fronts = front.size();
    return specs.get(k < fronts ? front.get(k) : nextUnstarted + k - fronts);
  }

  /** Takes the next pending task index, or -1. */
  int pollPending() {
    if (!front.isEmpty()) {
      return front.pollFirst();
    }
    return nextUnstarted < released ? nextUnstarted++ : -1;
  }

  /** Puts a task back at the front of the pending tasks. */
  void pushFront(int index) {
    front.addFirst(index);
  }

  /** Drops every pending task; returns how many there were. */
  int dropPending() {
    int n = pending();
    front.clear();
    released = taskCount;
    nextUnstarted = taskCount;
    return n;
  }

  /** Counts a failure of a task (or of the whole gang); returns whether it may be retried. */
  boolean recordFailure(int index, int retryLimit) {
    failedAttempts++;
    if (kind == JobKind.GANG) {
      return ++gangFailures <= retryLimit;
    }
    if (failures == null) {
      failures = new int[taskCount];
    }
    return ++failures[index] <= retryLimit;
  }

  void addRunning(TaskRun task) {
    task.setJobSlot(running.size());
    running.add(task);
  }

  void removeRunning(TaskRun task) {
    int slot = task.jobSlot();
    TaskRun last = running.remove(running.size() - 1);
    if (last != task) {
      running.set(slot, last);
      last.setJobSlot(slot);
    }
    task.setJobSlot(-1);
  }

  boolean gangBroken() {
    return gangBroken;
  }

  void setGangBroken(boolean value) {
    gangBroken = value;
  }

  /** Notes that a task of the job started at {@code now}; the first start is the end of the job's wait. */
  void started(long now) {
    if (firstStart < 0) {
      firstStart = now;
    }
  }

  /**
   * Counts a completed task that ran {@code ranMicros} and would have run {@code uncontended} at full speed; returns
   * whether every task of the job has completed.
   */
  boolean taskCompleted(long ranMicros, double uncontended) {
    completed++;
    runMicros += ranMicros;
    uncontendedMicros += uncontended;
    return completed == taskCount;
  }

  /** Counts a task killed by its framework. */
  void countKilled() {
    killed++;
  }

  /** Counts a task lost with its agent. */
  void countLost() {
    lost++;
  }

  boolean finished() {
    return outcome != Outcome.UNFINISHED;
  }

  /** Ends the job and releases its task list. */
  void end(Outcome result, long now) {
    outcome = result;
    finish = now;
    specs = null;
  }
}
