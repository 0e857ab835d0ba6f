package io.offerlab.allocators;

/**
 * Mesos' hierarchical DRF ({@link DrfAllocator}) with fair-share-sized offers instead of whole agents: {@code drf}
 * with the option {@code offerSize: fair-share}, the remedy for offer hoarding the Omega paper suggests (Schwarzkopf
 * et al., EuroSys 2013, section 4.1). The rule is {@link FairShareOfferSizer}'s; this is {@code drf} with that option
 * forced.
 */
@AllocatorSpec(name = "drf-sized", traits = {Trait.MULTI_RESOURCE, Trait.ROLES, Trait.WEIGHTS},
    description = "Hierarchical DRF offering each framework at most its fair dominant share (Omega's hoarding remedy)")
public final class DrfSizedAllocator extends DrfAllocator {
  /** Creates the allocator; it offers fair-share-sized parts of agents whatever {@code options.offerSize()} says. */
  public DrfSizedAllocator(AllocatorOptions options) {
    super(options.withOfferSize(OfferSize.FAIR_SHARE));
  }
}
