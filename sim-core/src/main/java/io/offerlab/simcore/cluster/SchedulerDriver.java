package io.offerlab.simcore.cluster;

/**
 * What a framework scheduler may ask of the master, after Mesos' {@code SchedulerDriver}: revive and suppress offers,
 * launch tasks on offers, answer offers, kill tasks.
 */
interface SchedulerDriver {
  /** Mesos REVIVE. */
  void revive(FrameworkScheduler framework);

  /** Mesos SUPPRESS. */
  void suppress(FrameworkScheduler framework);

  /** Launches a task on an offer (part of an accept), with the given thousandths of cpus, mem, disk and gpus. */
  void launch(JobRun job, int taskIndex, OfferState offer, long[] milli);

  /**
   * Answers {@code offers[keys[k] & 0xFFFFFFFF]} for k below {@code n}, in that order: an offer with tasks launched on
   * it is accepted and its unused part declined, the others are declined, all with the filter {@code refuseSeconds}.
   */
  void answer(FrameworkScheduler framework, OfferState[] offers, long[] keys, int n, double refuseSeconds);

  /** Kills a running task (TASK_KILLED). */
  void kill(TaskRun task);

  /** Returns the number of agents, an upper bound of their indexes. */
  int agentCount();
}
