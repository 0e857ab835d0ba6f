package io.offerlab.allocators;

/**
 * Mesos' default allocator: hierarchical Dominant Resource Fairness (Ghodsi et al., NSDI 2011) over roles, then over
 * the frameworks of each role, with role weights, as {@code HierarchicalDRFAllocator} in
 * {@code src/master/allocator/mesos/hierarchical.cpp} and {@code sorter/drf/sorter.cpp}. With the option
 * {@code offerSize: fair-share} it offers fair-share-sized parts of agents instead ({@link FairShareOfferSizer}), as
 * {@code drf-sized} does.
 */
@AllocatorSpec(name = "drf", traits = {Trait.MULTI_RESOURCE, Trait.ROLES, Trait.WEIGHTS},
    description = "Mesos' hierarchical DRF allocator: roles then frameworks by weighted dominant share")
public sealed class DrfAllocator extends HierarchicalAllocator permits DrfSizedAllocator {
  /** Creates the allocator. */
  public DrfAllocator(AllocatorOptions options) {
    super(options);
  }

  @Override
  Sorter newSorter(boolean forRoles) {
    return new DrfSorter(clusterTotal(), false);
  }

  @Override
  boolean sizesOffers() {
    return options.offerSize() == OfferSize.FAIR_SHARE;
  }

  @Override
  long[] offerFor(int agent, FrameworkState framework, long[] available, long[] into) {
    return options.offerSize() == OfferSize.FAIR_SHARE
        ? FairShareOfferSizer.size(framework, roles().values(), available, clusterTotal()[0], into) : available;
  }

  /** Fair-share sizes depend on every framework's share, not only on the agent: then no visit may be skipped. */
  @Override
  boolean mayCacheIdleVisits() {
    return options.offerSize() == OfferSize.WHOLE;
  }
}
