package io.offerlab.simcore.cluster;

import io.offerlab.simcore.engine.Engine;

/** Delivers a framework's offers once the master's offer latency has passed. */
final class OfferDelivery extends SimEvent {
  private final FrameworkScheduler framework;
  private final Engine engine;

  OfferDelivery(FrameworkScheduler framework, Engine engine) {
    this.framework = framework;
    this.engine = engine;
  }

  @Override
  protected void fire() {
    framework.deliverDue(engine.now());
  }

  @Override
  public String toString() {
    return "offer-delivery(" + framework.name + ")";
  }
}
