package io.offerlab.simcore.cluster;

/** Rescinds offers held longer than the master's offer timeout (Mesos {@code --offer_timeout}). */
final class OfferTimeouts extends SimEvent {
  private final Master master;

  OfferTimeouts(Master master) {
    this.master = master;
  }

  @Override
  protected void fire() {
    master.expireOffers();
  }

  @Override
  public String toString() {
    return "offer-timeouts";
  }
}
