package io.offerlab.simcore.master;

import io.offerlab.allocators.AllocatorOptions;

/**
 * What the master core's rules depend on, in microseconds: the batch allocation interval (Mesos
 * {@code --allocation_interval}), the offer timeout (Mesos {@code --offer_timeout}, 0 = none) and whether the cycle
 * timer ticks every interval even when no cycle could offer anything (a debugging aid; the results are the same).
 *
 * @param allocationIntervalMicros the interval between periodic cycles, at least 1
 * @param offerTimeoutMicros how long an offer may stay unanswered before it is rescinded; 0 for never
 * @param tickWhenIdle tick every interval even when idle
 */
public record MasterCoreSettings(long allocationIntervalMicros, long offerTimeoutMicros, boolean tickWhenIdle) {
  /** Checks the values. */
  public MasterCoreSettings {
    if (allocationIntervalMicros <= 0) {
      throw new IllegalArgumentException("allocation interval: expected > 0 us, found " + allocationIntervalMicros);
    }
    if (offerTimeoutMicros < 0) {
      throw new IllegalArgumentException("offer timeout: expected >= 0 us, found " + offerTimeoutMicros);
    }
  }

  /**
   * Returns {@code options} with the rules a Mesos master sets on its allocator, the same for the simulator and the
   * real master: agents are shuffled every cycle (as Mesos' hierarchical allocator does), and a decline filter lasts at
   * least one allocation interval.
   */
  public static AllocatorOptions masterRules(AllocatorOptions options, long allocationIntervalMicros) {
    return options.withShuffleAgents(true).withMinFilterSeconds(allocationIntervalMicros / 1e6);
  }
}
