package io.offerlab.simcore.cluster;

/** Where a running task reports its own end: the master releases its resources and tells its framework. */
interface TaskEnds {
  /** TASK_FINISHED: the task's work is done. */
  void taskFinished(TaskRun task);

  /** TASK_FAILED with reason memory-limit: the task's usage passed its cgroup memory limit. */
  void taskOomKilled(TaskRun task);
}
