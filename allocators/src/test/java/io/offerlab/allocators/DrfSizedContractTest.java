package io.offerlab.allocators;

/**
 * The allocator contract suite ({@link AllocatorContractTest}) for drf-sized: fair-share-sized offers, agents in
 * order or shuffled.
 */
final class DrfSizedContractTest extends AllocatorContractTest {
  @Override
  String allocatorName() {
    return "drf-sized";
  }

  @Override
  AllocatorOptions options(long seed) {
    return AllocatorOptions.defaults().withSeed(seed).withShuffleAgents(seed % 2 == 0);
  }
}
