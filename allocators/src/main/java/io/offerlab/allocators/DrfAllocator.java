package io.offerlab.allocators;

/**
 * Mesos' default allocator: hierarchical Dominant Resource Fairness (Ghodsi et al., NSDI 2011) over roles, then over
 * the frameworks of each role, with role weights, as {@code HierarchicalDRFAllocator} in
 * {@code src/master/allocator/mesos/hierarchical.cpp} and {@code sorter/drf/sorter.cpp}.
 */
@AllocatorSpec(name = "drf", traits = {Trait.MULTI_RESOURCE, Trait.ROLES, Trait.WEIGHTS},
    description = "Mesos' hierarchical DRF allocator: roles then frameworks by weighted dominant share")
public final class DrfAllocator extends HierarchicalAllocator {
  /** Creates the allocator. */
  public DrfAllocator(AllocatorOptions options) {
    super(options);
  }

  @Override
  Sorter newSorter(boolean forRoles) {
    return new DrfSorter(clusterTotal(), false);
  }
}
