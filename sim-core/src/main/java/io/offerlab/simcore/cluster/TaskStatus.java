package io.offerlab.simcore.cluster;

/** How a task attempt ended, with Mesos' terminal task states. */
enum TaskStatus {
  /** TASK_FINISHED: its work is done. */
  FINISHED,
  /** TASK_FAILED: killed by its memory limit (reason {@code memory-limit}). */
  FAILED,
  /** TASK_KILLED: killed by its framework (a gang sibling failed, or its job failed). */
  KILLED,
  /** TASK_LOST: its agent failed. */
  LOST
}
