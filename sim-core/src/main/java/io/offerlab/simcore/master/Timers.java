package io.offerlab.simcore.master;

import java.util.function.LongConsumer;

/**
 * Makes the master core's timers: the simulator implements it with engine events, a real master with a scheduled
 * executor. A timer calls its action with the instant it fires at, in microseconds.
 */
public interface Timers {
  /**
   * Returns the allocation-cycle timer. When it is due at the same instant as other work, it fires after that work (a
   * task that ends at t frees its resources for the cycle at t), as Mesos' batch allocation runs after the events
   * already queued.
   */
  Timer cycleTimer(LongConsumer action);

  /** Returns the offer-timeout timer (Mesos {@code --offer_timeout}). */
  Timer offerTimeoutTimer(LongConsumer action);
}
