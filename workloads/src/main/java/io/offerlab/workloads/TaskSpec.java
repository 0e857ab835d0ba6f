package io.offerlab.workloads;

import java.util.List;
import java.util.Objects;

/**
 * One task of a job: its resource request, its run time when it gets the CPU it demands, and an optional usage profile.
 *
 * <p>{@code durationMicros} is {@link #UNBOUNDED} ({@code Long.MAX_VALUE}) for a task that runs until it is killed or
 * the simulation ends. An empty {@code usage} means the task uses exactly its request for its whole life; otherwise
 * the points have strictly increasing offsets and, before the first point, the task uses its request. The work of a
 * task, in CPU-seconds, is its CPU demand times its duration; the isolation model derives it.
 */
public record TaskSpec(ResourceShape request, long durationMicros, List<UsagePoint> usage) {
  /** The duration of a task that runs until it is killed or the simulation ends. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  /** Validates a non-negative duration and strictly increasing usage offsets; copies the usage list. */
  public TaskSpec {
    Objects.requireNonNull(request, "request");
    if (durationMicros < 0) {
      throw new IllegalArgumentException("task duration: expected a non-negative time, found '" + durationMicros + "'");
    }
    usage = List.copyOf(usage);
    for (int i = 1; i < usage.size(); i++) {
      if (usage.get(i).offsetMicros() <= usage.get(i - 1).offsetMicros()) {
        throw new IllegalArgumentException("task usage: expected strictly increasing offsets, found '"
            + usage.get(i - 1).offsetMicros() + "' then '" + usage.get(i).offsetMicros() + "'");
      }
    }
  }

  /** Returns a task that uses exactly its request for {@code durationMicros}. */
  public static TaskSpec of(ResourceShape request, long durationMicros) {
    return new TaskSpec(request, durationMicros, List.of());
  }

  /** Returns whether this task runs until it is killed. */
  public boolean unbounded() {
    return durationMicros == UNBOUNDED;
  }
}
