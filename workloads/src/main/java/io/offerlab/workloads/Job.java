package io.offerlab.workloads;

import java.util.List;
import java.util.Objects;

/**
 * One job of a workload: who submits it (framework and role, as a Mesos framework registers with a role), its
 * priority, when it arrives, how its framework schedules it, and its tasks.
 *
 * <p>{@code role} defaults to the framework name when given as {@code null}. Streams from
 * {@link Workloads#open} give each framework name exactly one role.
 *
 * <p>Two optional orderings model jobs run by a script, as in the Mesos paper's macrobenchmark (Hindman et al., NSDI
 * 2011, section 6.1.1):
 * <ul>
 *   <li>{@code afterPreviousMicros} &ge; 0 chains the job to its framework's previous job (in stream order): it is
 *       submitted that long after the previous one ends (or at {@code arrivalMicros}, whichever is later); -1 means
 *       independent, submitted at {@code arrivalMicros};</li>
 *   <li>{@code stages} splits the tasks, in order, into stages of these sizes that run one after another (the
 *       iterations of a Spark job): a stage's tasks become pending when every task of the stage before has finished.
 *       Empty means one stage.</li>
 * </ul>
 */
public record Job(String id, String framework, String role, int priority, long arrivalMicros, JobKind kind,
    List<TaskSpec> tasks, long afterPreviousMicros, List<Integer> stages) {
  /** An independent job of one stage. */
  public Job(String id, String framework, String role, int priority, long arrivalMicros, JobKind kind,
      List<TaskSpec> tasks) {
    this(id, framework, role, priority, arrivalMicros, kind, tasks, -1, List.of());
  }

  /** Validates the fields, defaults the role to the framework and copies the task list. */
  public Job {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("job id: expected a non-empty string, found '" + id + "'");
    }
    if (framework == null || framework.isEmpty()) {
      throw new IllegalArgumentException("job " + id + " framework: expected a non-empty name, found '"
          + framework + "'");
    }
    if (role == null) {
      role = framework;
    } else if (role.isEmpty()) {
      throw new IllegalArgumentException("job " + id + " role: expected a non-empty name, found ''");
    }
    if (arrivalMicros < 0) {
      throw new IllegalArgumentException("job " + id + " arrival: expected a non-negative time, found '"
          + arrivalMicros + "'");
    }
    Objects.requireNonNull(kind, "kind");
    tasks = List.copyOf(tasks);
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("job " + id + " tasks: expected at least one task, found none");
    }
    if (afterPreviousMicros < -1) {
      throw new IllegalArgumentException("job " + id + " afterPrevious: expected -1 or a non-negative delay, found '"
          + afterPreviousMicros + "'");
    }
    stages = List.copyOf(stages);
    long sum = 0;
    for (int size : stages) {
      if (size <= 0) {
        throw new IllegalArgumentException("job " + id + " stages: expected positive sizes, found " + stages);
      }
      sum += size;
    }
    if (!stages.isEmpty() && sum != tasks.size()) {
      throw new IllegalArgumentException("job " + id + " stages: expected sizes summing to " + tasks.size()
          + " tasks, found " + stages);
    }
    if (!stages.isEmpty() && kind == JobKind.GANG) {
      throw new IllegalArgumentException("job " + id + " stages: a gang job runs all its tasks at once");
    }
  }

  /** Whether the job waits for its framework's previous job to end. */
  public boolean chained() {
    return afterPreviousMicros >= 0;
  }

  /** Returns a copy with another framework and role (the rest unchanged, the task list shared). */
  public Job withNames(String newFramework, String newRole) {
    return new Job(id, newFramework, newRole, priority, arrivalMicros, kind, tasks, afterPreviousMicros, stages);
  }

  /** Returns a copy that arrives at {@code newArrivalMicros}. */
  public Job withArrival(long newArrivalMicros) {
    return new Job(id, framework, role, priority, newArrivalMicros, kind, tasks, afterPreviousMicros, stages);
  }
}
