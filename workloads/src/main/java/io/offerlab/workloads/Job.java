package io.offerlab.workloads;

import java.util.List;
import java.util.Objects;

/**
 * One job of a workload: who submits it (framework and role, as a Mesos framework registers with a role), its
 * priority, when it arrives, how its framework schedules it, and its tasks.
 *
 * <p>{@code role} defaults to the framework name when given as {@code null}. Streams from
 * {@link Workloads#open} give each framework name exactly one role.
 */
public record Job(String id, String framework, String role, int priority, long arrivalMicros, JobKind kind,
    List<TaskSpec> tasks) {
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
  }

  /** Returns a copy with another framework and role (the rest unchanged, the task list shared). */
  public Job withNames(String newFramework, String newRole) {
    return new Job(id, newFramework, newRole, priority, arrivalMicros, kind, tasks);
  }

  /** Returns a copy that arrives at {@code newArrivalMicros}. */
  public Job withArrival(long newArrivalMicros) {
    return new Job(id, framework, role, priority, newArrivalMicros, kind, tasks);
  }
}
