package io.offerlab.simcore.cluster;

/** What the run watches for progress and its end: tasks starting and stopping, jobs ending. */
interface RunProgress {
  /** A task attempt started. */
  void taskStarted(TaskRun task);

  /** A task attempt stopped, for any reason. */
  void taskStopped(TaskRun task);

  /** A job ended: a failed job's running tasks are killed and its pending tasks dropped. */
  void jobEnded(JobRun job, JobRun.Outcome outcome);
}
