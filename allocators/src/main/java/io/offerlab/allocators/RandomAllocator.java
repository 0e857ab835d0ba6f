package io.offerlab.allocators;

import java.util.SplittableRandom;

/**
 * Mesos' weighted random allocator ({@code --role_sorter=random}, {@code sorter/random/sorter.cpp}): roles, and the
 * frameworks within each role, are visited in a fresh weighted random order for every agent. The order comes from
 * one stream seeded by {@link AllocatorOptions#seed()}.
 */
@AllocatorSpec(name = "random", traits = {Trait.MULTI_RESOURCE, Trait.ROLES, Trait.WEIGHTS, Trait.RANDOMIZED},
    description = "Mesos' weighted random sorter: a seeded weighted shuffle of roles and frameworks per agent")
public final class RandomAllocator extends HierarchicalAllocator {
  private SplittableRandom random;

  /** Creates the allocator. */
  public RandomAllocator(AllocatorOptions options) {
    super(options);
  }

  @Override
  Sorter newSorter(boolean forRoles) {
    if (random == null) {
      random = new SplittableRandom(options.seed());
    }
    return new RandomSorter(random);
  }

  /** Every visit draws from the stream, so no visit may be skipped: the same calls always give the same draws. */
  @Override
  boolean mayCacheIdleVisits() {
    return false;
  }
}
