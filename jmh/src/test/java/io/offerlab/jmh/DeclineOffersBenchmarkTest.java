package io.offerlab.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.allocators.Offer;
import io.offerlab.allocators.Resources;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the states of {@link DeclineOffersBenchmark} at a tiny size; no timing. */
class DeclineOffersBenchmarkTest {
  private static final Resources FREE = DeclineOffersBenchmark.AGENT.minus(DeclineOffersBenchmark.USED);

  /** Agent i holds Mesos' used resources for framework i mod F, and nothing for the others. */
  @Test
  void usedResourcesAreDealtRoundRobin() {
    DeclineOffersBenchmark.Filling state = filling("12x5", 0);
    for (int i = 0; i < 12; i++) {
      for (int f = 0; f < 5; f++) {
        Resources expected = f == i % 5 ? DeclineOffersBenchmark.USED : Resources.EMPTY;
        assertEquals(expected, state.cluster.allocation(state.frameworkIds[f], state.agentIds[i]));
      }
      assertEquals(FREE, state.cluster.available(state.agentIds[i]));
    }
  }

  /**
   * While some framework has not declined an agent, every cycle offers every agent's free resources; a framework is
   * never offered an agent twice (its filter holds); after F rounds nothing is offered.
   */
  @Test
  void fillingOffersEachAgentToEachFrameworkOnce() {
    DeclineOffersBenchmark.Filling state = filling("30x6", 0);
    Set<String> pairs = new HashSet<>();
    for (int round = 0; round < 6; round++) {
      List<Offer> offers = new DeclineOffersBenchmark().fillingCycle(state);
      assertEquals(30, offers.size(), "round " + round);
      for (Offer offer : offers) {
        assertEquals(FREE, offer.resources());
        assertTrue(pairs.add(offer.frameworkId() + "@" + offer.agentId()), "offered twice: " + offer);
      }
      Clusters.recoverAll(state.cluster, offers, DeclineOffersBenchmark.REFUSE_SECONDS, state.now);
      state.now += Clusters.INTERVAL_MICROS;
    }
    assertEquals(List.of(), state.cluster.allocate(state.now));
  }

  /** The measured filling cycle comes after {@code round} rounds and still offers every agent. */
  @Test
  void fillingStateStartsAtTheRequestedRound() {
    DeclineOffersBenchmark.Filling state = filling("30x6", 4);
    assertEquals(30, new DeclineOffersBenchmark().fillingCycle(state).size());
    state.record();
    state.setUp();
    assertEquals(30, new DeclineOffersBenchmark().fillingCycle(state).size());
  }

  /** In the saturated state both steady-state ops run a cycle that offers nothing. */
  @Test
  void saturatedCyclesOfferNothing() {
    DeclineOffersBenchmark.Saturated state = new DeclineOffersBenchmark.Saturated();
    state.size = "25x4";
    state.allocator = AllocatorType.DRF;
    state.setUp();
    DeclineOffersBenchmark benchmark = new DeclineOffersBenchmark();
    for (int op = 0; op < 5; op++) {
      assertEquals(List.of(), benchmark.saturatedCycle(state));
      assertEquals(List.of(), benchmark.saturatedRescan(state));
    }
  }

  /** A malformed size fails with a one-line message naming the parameter. */
  @Test
  void badSizeIsRejected() {
    for (String bad : new String[] {"2000", "2000x", "x200", "0x5", "ax5", "2000x200x3"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Clusters.parseSize("size", bad));
      assertTrue(e.getMessage().startsWith("size: expected AGENTSxFRAMEWORKS"), e.getMessage());
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  private static DeclineOffersBenchmark.Filling filling(String size, int round) {
    DeclineOffersBenchmark.Filling state = new DeclineOffersBenchmark.Filling();
    state.size = size;
    state.allocator = AllocatorType.DRF;
    state.round = round;
    state.setUp();
    return state;
  }
}
