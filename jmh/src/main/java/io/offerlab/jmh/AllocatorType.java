package io.offerlab.jmh;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.Allocators;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The allocator under test, as an enum {@code @Param} whose constants are factories (after Caffeine's
 * {@code CacheType}). Every allocator visits agents in a seeded shuffled order each cycle, as Mesos' master does.
 */
public enum AllocatorType {
  /** Mesos' hierarchical DRF allocator. */
  DRF,
  /** Mesos' weighted random sorter. */
  RANDOM,
  /** Strict role priority: the i-th role of the setup has priority i, DRF among equals. */
  PRIORITY {
    @Override
    AllocatorOptions configure(AllocatorOptions options, List<String> roles) {
      Map<String, Integer> priorities = new HashMap<>();
      for (int i = 0; i < roles.size(); i++) {
        priorities.put(roles.get(i), i);
      }
      return options.withPriorities(priorities);
    }
  },
  /** Static partitioning: agents dealt round-robin to the roles of the setup. */
  STATIC {
    @Override
    AllocatorOptions configure(AllocatorOptions options, List<String> roles) {
      return options.withPartitionRoles(roles);
    }
  };

  /** The seed every benchmark uses, so that runs see the same shuffles. */
  static final long SEED = 42;

  /** Creates the allocator for a setup whose frameworks use {@code roles}. */
  public Allocator create(List<String> roles) {
    AllocatorOptions options = AllocatorOptions.defaults().withSeed(SEED).withShuffleAgents(true);
    return Allocators.create(name().toLowerCase(Locale.ROOT), configure(options, roles));
  }

  AllocatorOptions configure(AllocatorOptions options, List<String> roles) {
    return options;
  }
}
