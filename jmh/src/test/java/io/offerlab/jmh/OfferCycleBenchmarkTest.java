package io.offerlab.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offerlab.allocators.Offer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the op of {@link OfferCycleBenchmark} at a tiny size; no timing. */
class OfferCycleBenchmarkTest {

  static Stream<Arguments> allocatorsAndApis() {
    return Stream.of(AllocatorType.values())
        .flatMap(type -> Stream.of(Api.values()).map(api -> Arguments.of(type, api)));
  }

  /** Every op gives the whole cluster back and re-offers every agent whole, once, for every allocator and SPI. */
  @ParameterizedTest
  @MethodSource("allocatorsAndApis")
  void everyCycleReoffersEveryAgentWhole(AllocatorType type, Api api) {
    OfferCycleBenchmark benchmark = new OfferCycleBenchmark();
    benchmark.agents = 60;
    benchmark.frameworks = 7;
    benchmark.allocator = type;
    benchmark.api = api;
    benchmark.setUp();
    assertEquals(60, benchmark.outstanding().size());
    OfferCycleBenchmark.Counters counters = new OfferCycleBenchmark.Counters();
    for (int op = 0; op < 3; op++) {
      benchmark.cycle(counters);
      List<Offer> offers = benchmark.outstanding();
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
  @MethodSource("allocatorsAndApis")
  void allocateOnlyReoffersEveryAgent(AllocatorType type, Api api) {
    AllocateOnlyBenchmark benchmark = new AllocateOnlyBenchmark();
    benchmark.size = "50x6";
    benchmark.allocator = type;
    benchmark.api = api;
    benchmark.setUp();
    for (int op = 0; op < 3; op++) {
      benchmark.recoverPrevious();
      benchmark.allocate();
      assertEquals(50, benchmark.outstanding().size());
    }
  }
}
