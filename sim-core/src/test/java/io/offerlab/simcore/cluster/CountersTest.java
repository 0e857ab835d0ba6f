package io.offerlab.simcore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each way a job ends has its own count in results.json: killed jobs are no longer counted as failed. */
class CountersTest {
  @Test
  void killedJobsAreCountedAsKilled() {
    Counters c = new Counters();
    c.jobEnded(JobRun.Outcome.COMPLETED);
    c.jobEnded(JobRun.Outcome.FAILED);
    c.jobEnded(JobRun.Outcome.KILLED);
    c.jobEnded(JobRun.Outcome.KILLED);
    assertEquals(1, c.jobsCompleted());
    assertEquals(1, c.jobsFailed());
    assertEquals(2, c.jobsKilled());
    assertThrows(IllegalArgumentException.class, () -> c.jobEnded(JobRun.Outcome.UNFINISHED));
  }
}
