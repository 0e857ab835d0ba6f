package io.offerlab.allocators;

/**
 * The allocator contract suite ({@link AllocatorContractTest}) for slots: the default slot or a smaller one (so that
 * the suite's small agents have slots too), agents in order or shuffled.
 */
final class SlotsContractTest extends AllocatorContractTest {
  @Override
  String allocatorName() {
    return "slots";
  }

  @Override
  AllocatorOptions options(long seed) {
    AllocatorOptions options = AllocatorOptions.defaults().withSeed(seed).withShuffleAgents(seed % 2 == 0);
    return seed % 3 == 0 ? options : options.withSlotSize(Resources.parse("cpus:0.25;mem:32"));
  }
}
