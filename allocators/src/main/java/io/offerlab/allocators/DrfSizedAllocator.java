package io.offerlab.allocators;

/**
 * Mesos' hierarchical DRF ({@link DrfAllocator}) with fair-share-sized offers instead of whole agents: {@code drf}
 * with the option {@code offerSize: fair-share}, the remedy for offer hoarding the Omega paper suggests (Schwarzkopf
 * et al., EuroSys 2013, section 4.1). The rule is {@link FairShareOfferSizer}'s.
 */
@AllocatorSpec(name = "drf-sized", traits = {Trait.MULTI_RESOURCE, Trait.ROLES, Trait.WEIGHTS},
    description = "Hierarchical DRF offering each framework at most its fair dominant share (Omega's hoarding remedy)")
public final class DrfSizedAllocator extends HierarchicalAllocator {
  /** Creates the allocator; it sizes offers whatever {@code options.offerSize()} says. */
  public DrfSizedAllocator(AllocatorOptions options) {
    super(options);
  }

  @Override
  Sorter newSorter(boolean forRoles) {
    return new DrfSorter(clusterTotal(), false);
  }

  @Override
  boolean sizesOffers() {
    return true;
  }

  @Override
  long[] offerFor(int agent, FrameworkState framework, long[] available, long[] into) {
    return FairShareOfferSizer.size(framework, roles().values(), available, clusterTotal()[0], into);
  }

  /** Offer sizes depend on every framework's share, not only on the agent: no visit may be skipped. */
  @Override
  boolean mayCacheIdleVisits() {
    return false;
  }
}
