package io.offerlab.realruntime.master;

import io.offerlab.allocators.Resources;
import io.offerlab.simcore.master.MasterOffer;

/** An offer of the real master: the core's offer plus the Mesos offer id a framework answers with. */
final class RealOffer extends MasterOffer {
  private final String offerId;

  RealOffer(OfferKey key, Resources resources, String masterId) {
    super(key, resources);
    this.offerId = masterId + "-O" + id();
  }

  String offerId() {
    return offerId;
  }
}
