package io.offerlab.allocators;

/** The allocator contract suite ({@link AllocatorContractTest}) for asset: asset fairness, agents in order or shuffled. */
final class AssetContractTest extends AllocatorContractTest {
  @Override
  String allocatorName() {
    return "asset";
  }

  @Override
  AllocatorOptions options(long seed) {
    return AllocatorOptions.defaults().withSeed(seed).withShuffleAgents(seed % 2 == 0);
  }
}
