package io.offerlab.simcore.cluster;

import io.offerlab.simcore.engine.Engine;
import io.offerlab.simcore.master.Timer;
import java.util.function.LongConsumer;

/** The master core's offer-timeout timer (Mesos {@code --offer_timeout}) as an ordinary engine event. */
final class OfferTimeouts extends SimEvent implements Timer {
  private final Engine engine;
  private final LongConsumer action;

  OfferTimeouts(Engine engine, LongConsumer action) {
    this.engine = engine;
    this.action = action;
  }

  @Override
  public long time() {
    return scheduledTime();
  }

  @Override
  public void set(long timeMicros) {
    engine.reschedule(this, timeMicros);
  }

  @Override
  protected void fire() {
    action.accept(engine.now());
  }

  @Override
  public String toString() {
    return "offer-timeouts";
  }
}
