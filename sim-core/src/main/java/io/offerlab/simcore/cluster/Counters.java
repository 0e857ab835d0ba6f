package io.offerlab.simcore.cluster;

/** Run-wide counts of offers, tasks and jobs for results.json. */
final class Counters {
  long offersMade;
  long offersAccepted;
  long offersDeclined;
  long offersRescinded;
  long tasksLaunched;
  long tasksCompleted;
  long tasksFailed;
  long tasksKilled;
  long tasksLost;
  long jobsSubmitted;
  long jobsCompleted;
  long jobsFailed;
  long jobsKilled;
  long oomKills;
  long agentFailures;
}
