package io.offerlab.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offerlab.allocators.Offer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks the op of {@link OfferCycleBenchmark} at a tiny size; no timing. */
class OfferCycleBenchmarkTest {

  /** Every op gives the whole cluster back and re-offers every agent whole, once, for every allocator. */
  @ParameterizedTest
  @EnumSource(AllocatorType.class)
  void everyCycleReoffersEveryAgentWhole(AllocatorType type) {
    OfferCycleBenchmark benchmark = new OfferCycleBenchmark();
    benchmark.agents = 60;
    benchmark.frameworks = 7;
    benchmark.allocator = type;
    benchmark.setUp();
    assertEquals(60, benchmark.outstanding().size());
    OfferCycleBenchmark.Counters counters = new OfferCycleBenchmark.Counters();
    for (int op = 0; op < 3; op++) {
      List<Offer> offers = benchmark.cycle(counters);
      Set<String> agents = new HashSet<>();
      for (Offer offer : offers) {
        assertEquals(OfferCycleBenchmark.AGENT, offer.resources());
        agents.add(offer.agentId());
      }
      assertEquals(60, agents.size());
    }
    assertEquals(180, counters.offers);
  }

  /** The allocate-only companion re-offers every agent after its untimed recovery. */
  @ParameterizedTest
  @EnumSource(AllocatorType.class)
  void allocateOnlyReoffersEveryAgent(AllocatorType type) {
    AllocateOnlyBenchmark benchmark = new AllocateOnlyBenchmark();
    benchmark.size = "50x6";
    benchmark.allocator = type;
    benchmark.setUp();
    for (int op = 0; op < 3; op++) {
      benchmark.recoverPrevious();
      assertEquals(50, benchmark.allocate().size());
    }
  }
}
