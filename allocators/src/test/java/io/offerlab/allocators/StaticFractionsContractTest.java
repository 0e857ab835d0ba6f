package io.offerlab.allocators;

import java.util.Map;

/** The allocator contract suite ({@link AllocatorContractTest}) for static: static partitioning by fractions of every agent. */
final class StaticFractionsContractTest extends AllocatorContractTest {
  @Override
  String allocatorName() {
    return "static";
  }

  @Override
  AllocatorOptions options(long seed) {
    return AllocatorOptions.defaults().withSeed(seed).withPartitions(Map.of(
        "r0", new AllocatorOptions.Partition.Fraction(0.5), "r1", new AllocatorOptions.Partition.Fraction(0.25)));
  }
}
