package io.offerlab.allocators;

/** The allocator contract suite ({@link AllocatorContractTest}) for static: static partitioning, the default equal split. */
final class StaticSplitContractTest extends AllocatorContractTest {
  @Override
  String allocatorName() {
    return "static";
  }

  @Override
  AllocatorOptions options(long seed) {
    return AllocatorOptions.defaults().withSeed(seed);
  }
}
