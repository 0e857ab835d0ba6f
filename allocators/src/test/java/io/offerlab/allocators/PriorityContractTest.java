package io.offerlab.allocators;

import java.util.Map;

/** The allocator contract suite ({@link AllocatorContractTest}) for priority: strict priority, two roles ranked above the third. */
final class PriorityContractTest extends AllocatorContractTest {
  @Override
  String allocatorName() {
    return "priority";
  }

  @Override
  AllocatorOptions options(long seed) {
    return AllocatorOptions.defaults().withSeed(seed).withPriorities(Map.of("r0", 2, "r1", 1));
  }
}
