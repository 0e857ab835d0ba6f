package io.offerlab.allocators;

import java.util.List;
import java.util.Map;

/** Runs the allocator contract suite over every registered allocator. */
final class AllocatorContracts {
  private AllocatorContracts() {}

  /** DRF. */
  static final class Drf extends AllocatorContractTest {
    @Override
    Allocator create(long seed) {
      return Allocators.create("drf", AllocatorOptions.defaults().withSeed(seed).withShuffleAgents(seed % 2 == 0));
    }
  }

  /** Weighted random. */
  static final class Random extends AllocatorContractTest {
    @Override
    Allocator create(long seed) {
      return Allocators.create("random", AllocatorOptions.defaults().withSeed(seed));
    }
  }

  /** Strict priority. */
  static final class Priority extends AllocatorContractTest {
    @Override
    Allocator create(long seed) {
      return Allocators.create("priority", AllocatorOptions.defaults().withSeed(seed)
          .withPriorities(Map.of("r0", 2, "r1", 1)));
    }
  }

  /** Static partitioning, the default equal split. */
  static final class StaticSplit extends AllocatorContractTest {
    @Override
    Allocator create(long seed) {
      return Allocators.create("static", AllocatorOptions.defaults().withSeed(seed));
    }
  }

  /** Static partitioning by fractions of every agent. */
  static final class StaticFractions extends AllocatorContractTest {
    @Override
    Allocator create(long seed) {
      return Allocators.create("static", AllocatorOptions.defaults().withSeed(seed).withPartitions(Map.of(
          "r0", new AllocatorOptions.Partition.Fraction(0.5), "r1", new AllocatorOptions.Partition.Fraction(0.25))));
    }
  }

  /** Every registered allocator has a contract subclass here. */
  static List<String> covered() {
    return List.of("drf", "random", "priority", "static");
  }
}
