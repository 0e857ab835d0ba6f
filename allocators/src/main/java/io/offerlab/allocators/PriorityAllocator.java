package io.offerlab.allocators;

/**
 * Strict priority between roles: a role with a higher {@code priorities} value is always visited first, and roles of
 * equal priority (and the frameworks within a role) are ordered by DRF. Open-source Mesos has no such module; it
 * is the baseline of priority-based schedulers such as Borg's production band (Verma et al., EuroSys 2015).
 */
@AllocatorSpec(name = "priority", traits = {Trait.MULTI_RESOURCE, Trait.ROLES, Trait.WEIGHTS, Trait.PRIORITIES},
    description = "Strict role priority, DRF among equals")
public final class PriorityAllocator extends HierarchicalAllocator {
  /** Creates the allocator. */
  public PriorityAllocator(AllocatorOptions options) {
    super(options);
  }

  @Override
  Sorter newSorter(boolean forRoles) {
    return new DrfSorter(clusterTotal(), forRoles);
  }
}
