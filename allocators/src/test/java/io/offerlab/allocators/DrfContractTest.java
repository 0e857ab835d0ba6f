package io.offerlab.allocators;

/** The allocator contract suite ({@link AllocatorContractTest}) for drf: dRF, with agents in the order added or shuffled. */
final class DrfContractTest extends AllocatorContractTest {
  @Override
  String allocatorName() {
    return "drf";
  }

  @Override
  AllocatorOptions options(long seed) {
    return AllocatorOptions.defaults().withSeed(seed).withShuffleAgents(seed % 2 == 0);
  }
}
