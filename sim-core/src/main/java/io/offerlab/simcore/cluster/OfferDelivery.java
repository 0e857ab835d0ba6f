package io.offerlab.simcore.cluster;

/** Delivers a framework's offers once the master's offer latency has passed. */
final class OfferDelivery extends SimEvent {
  private final FrameworkScheduler framework;

  OfferDelivery(FrameworkScheduler framework) {
    this.framework = framework;
  }

  @Override
  protected void fire() {
    framework.deliverDue(framework.sim.engine.now());
  }

  @Override
  public String toString() {
    return "offer-delivery(" + framework.name + ")";
  }
}
