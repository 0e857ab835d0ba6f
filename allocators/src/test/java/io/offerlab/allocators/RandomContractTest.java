package io.offerlab.allocators;

/** The allocator contract suite ({@link AllocatorContractTest}) for random: mesos' weighted random sorter. */
final class RandomContractTest extends AllocatorContractTest {
  @Override
  String allocatorName() {
    return "random";
  }

  @Override
  AllocatorOptions options(long seed) {
    return AllocatorOptions.defaults().withSeed(seed);
  }
}
