package io.offerlab.cli.replay;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/** One job being replayed: its tasks still to launch, and when it arrived, first started and ended (replay seconds). */
final class ReplayJob {
  final Job job;
  final double arrival;
  final List<TaskSpec> pending = new ArrayList<>();
  final List<String> pendingIds = new ArrayList<>();
  int tasks;
  int completed;
  int failed;
  int killed;
  double firstStart = Double.NaN;
  double finish = Double.NaN;
  String outcome = "UNFINISHED";

  ReplayJob(Job job, double arrival) {
    this.job = job;
    this.arrival = arrival;
    int k = 0;
    for (TaskSpec t : job.tasks()) {
      pending.add(t);
      pendingIds.add(job.id() + "." + k++);
    }
    this.tasks = pending.size();
  }

  boolean ended() {
    return !"UNFINISHED".equals(outcome);
  }

  /** Records a task's terminal state; the job completes when all tasks finished and fails at the first failure. */
  void taskEnded(boolean finished, boolean wasKilled, double now) {
    if (finished) {
      completed++;
    } else if (wasKilled) {
      killed++;
    } else {
      failed++;
    }
    if (ended()) {
      return;
    }
    if (!finished) {
      outcome = wasKilled ? "KILLED" : "FAILED";
      finish = now;
    } else if (completed == tasks) {
      outcome = "COMPLETED";
      finish = now;
    }
  }
}
