package io.offerlab.simcore.cluster;

import io.offerlab.simcore.engine.Engine;
import io.offerlab.simcore.master.Timer;
import io.offerlab.simcore.master.Timers;
import java.util.function.LongConsumer;

/** The master core's timers in simulated time: each is one reusable engine event. */
final class EngineTimers implements Timers {
  private final Engine engine;

  EngineTimers(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Timer cycleTimer(LongConsumer action) {
    return new AllocationTick(engine, action);
  }

  @Override
  public Timer offerTimeoutTimer(LongConsumer action) {
    return new OfferTimeouts(engine, action);
  }
}
