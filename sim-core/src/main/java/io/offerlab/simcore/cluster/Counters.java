package io.offerlab.simcore.cluster;

/** Run-wide counts of offers, tasks and jobs for results.json; the parts of the run count through its methods. */
final class Counters {
  private long offersMade;
  private long offersAccepted;
  private long offersDeclined;
  private long offersRescinded;
  private long tasksLaunched;
  private long tasksCompleted;
  private long tasksFailed;
  private long tasksKilled;
  private long tasksLost;
  private long jobsSubmitted;
  private long jobsCompleted;
  private long jobsFailed;
  private long jobsKilled;
  private long oomKills;
  private long agentFailures;

  void offersMade(int n) {
    offersMade += n;
  }

  void offerAccepted() {
    offersAccepted++;
  }

  void offerDeclined() {
    offersDeclined++;
  }

  void offerRescinded() {
    offersRescinded++;
  }

  void taskLaunched() {
    tasksLaunched++;
  }

  void taskCompleted() {
    tasksCompleted++;
  }

  void taskOomKilled() {
    tasksFailed++;
    oomKills++;
  }

  void taskKilled() {
    tasksKilled++;
  }

  void taskLost() {
    tasksLost++;
  }

  void jobSubmitted() {
    jobsSubmitted++;
  }

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

  void agentFailed() {
    agentFailures++;
  }

  long offersMade() {
    return offersMade;
  }

  long offersAccepted() {
    return offersAccepted;
  }

  long offersDeclined() {
    return offersDeclined;
  }

  long offersRescinded() {
    return offersRescinded;
  }

  long tasksLaunched() {
    return tasksLaunched;
  }

  long tasksCompleted() {
    return tasksCompleted;
  }

  long tasksFailed() {
    return tasksFailed;
  }

  long tasksKilled() {
    return tasksKilled;
  }

  long tasksLost() {
    return tasksLost;
  }

  long jobsSubmitted() {
    return jobsSubmitted;
  }

  long jobsCompleted() {
    return jobsCompleted;
  }

  long jobsFailed() {
    return jobsFailed;
  }

  long jobsKilled() {
    return jobsKilled;
  }

  long oomKills() {
    return oomKills;
  }

  long agentFailures() {
    return agentFailures;
  }
}
