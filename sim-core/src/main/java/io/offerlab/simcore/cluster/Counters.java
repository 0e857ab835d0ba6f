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

  /** Counts a job that ended with {@code outcome}: completed, failed and killed jobs each in their own count. */
  void jobEnded(JobRun.Outcome outcome) {
    switch (outcome) {
      case COMPLETED -> jobsCompleted++;
      case FAILED -> jobsFailed++;
      case KILLED -> jobsKilled++;
      case UNFINISHED -> throw new IllegalArgumentException("a job cannot end unfinished");
      default -> throw new IllegalStateException("unknown outcome " + outcome);
    }
  }
}
