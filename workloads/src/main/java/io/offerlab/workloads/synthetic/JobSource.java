package io.offerlab.workloads.synthetic;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.TaskSpec;
import java.util.List;
import java.util.Locale;

/**
 * One framework class's jobs: a fixed number of jobs with arrival times from an {@link Arrivals} process and tasks
 * from a {@link Tasks} factory, drawing from the class's own random stream.
 */
final class JobSource {
  /** The arrival process: returns the next arrival (in microseconds) after {@code previous}, for job {@code index}. */
  @FunctionalInterface
  interface Arrivals {
    long next(int index, long previous);
  }

  /** Splits the tasks of job {@code index} into stages run in order (empty: one stage). */
  @FunctionalInterface
  interface Stages {
    List<Integer> of(int index, int tasks);
  }

  /** Builds the tasks of job {@code index}. */
  @FunctionalInterface
  interface Tasks {
    List<TaskSpec> of(int index);
  }

  private final String framework;
  private final String role;
  private final int priority;
  private final JobKind kind;
  private final int count;
  private final Arrivals arrivals;
  private final Tasks tasks;
  private final String idFormat;
  private long afterPreviousMicros = -1;
  private Stages stages = (i, n) -> List.of();
  private int index;
  private long last;

  JobSource(String framework, int priority, JobKind kind, int count, Arrivals arrivals, Tasks tasks) {
    this.framework = framework;
    this.role = framework;
    this.priority = priority;
    this.kind = kind;
    this.count = count;
    this.arrivals = arrivals;
    this.tasks = tasks;
    this.idFormat = "%s-%0" + Math.max(3, Integer.toString(count - 1).length()) + "d";
  }

  /**
   * Chains the jobs: each after the first is submitted {@code delayMicros} after the previous one ends (Job's
   * {@code afterPreviousMicros}); their arrival times are then the earliest they may be submitted.
   */
  JobSource chained(long delayMicros) {
    this.afterPreviousMicros = delayMicros;
    return this;
  }

  /** Splits each job's tasks into stages run in order. */
  JobSource staged(Stages split) {
    this.stages = split;
    return this;
  }

  /** Returns the next job, or null after the last one. */
  Job next() {
    if (index >= count) {
      return null;
    }
    long arrival = Math.max(last, arrivals.next(index, last));
    last = arrival;
    int i = index++;
    List<TaskSpec> list = tasks.of(i);
    return new Job(String.format(Locale.ROOT, idFormat, framework, i), framework, role, priority, arrival, kind,
        list, i == 0 ? -1 : afterPreviousMicros, stages.of(i, list.size()));
  }

  /** Poisson arrivals: exponential gaps with the given mean, from {@code start}. */
  static Arrivals poisson(Sampler gaps, long startMicros) {
    return (i, previous) -> (i == 0 ? startMicros : previous) + Sampler.micros(gaps.sample());
  }

  /** Arrivals at fixed times in seconds. */
  static Arrivals fixed(double... seconds) {
    return (i, previous) -> Math.round(seconds[i] * 1e6);
  }
}
