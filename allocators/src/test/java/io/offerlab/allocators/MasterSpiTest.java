package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a real master needs of an allocator beyond the simulator's calls: agents that re-register with running tasks
 * (Mesos' {@code addSlave} with used resources, frameworks possibly not subscribed yet), asking when the next cycle
 * could offer something, and range resources such as ports offered and filtered as Mesos does.
 */
class MasterSpiTest {
  private static final long SECOND = 1_000_000;

  private static Allocator drf() {
    return Allocators.create("drf", AllocatorOptions.defaults());
  }

  @Test
  void aReregisteringAgentsUsedResourcesCountForTheirFramework() {
    Allocator a = drf();
    a.addFramework("f1", "r1");
    a.addFramework("f2", "r2");
    a.addAgent("a0", Resources.parse("cpus:4;mem:4096"), Map.of("f1", Resources.parse("cpus:3;mem:3072")));
    assertEquals(Resources.parse("cpus:3;mem:3072"), a.allocation("f1", "a0"));
    assertEquals(Resources.parse("cpus:1;mem:1024"), a.available("a0"));
    a.addAgent("a1", Resources.parse("cpus:4;mem:4096"));
    List<Offer> offers = a.allocate(0, List.of("a1"));
    assertEquals("f2", offers.get(0).frameworkId(), "f1's running tasks give it the larger share, so f2 goes first");
  }

  @Test
  void frameworksNotSubscribedYetHoldTheirTasksResourcesFromWhenTheyAreAdded() {
    Allocator a = drf();
    a.addAgent("a0", Resources.parse("cpus:4;mem:4096"), Map.of("late", Resources.parse("cpus:2;mem:2048")));
    assertEquals(Resources.parse("cpus:2;mem:2048"), a.available("a0"));
    assertEquals(Resources.parse("cpus:2;mem:2048"), a.allocation("late", "a0"));
    a.recover("late", "a0", Resources.parse("cpus:1;mem:1024"), 0, 0);
    assertEquals(Resources.parse("cpus:3;mem:3072"), a.available("a0"), "a task that ends before SUBSCRIBE frees");
    a.addFramework("late", "r");
    assertEquals(Resources.parse("cpus:1;mem:1024"), a.allocation("late", "a0"));
    a.recover("late", "a0", Resources.parse("cpus:1;mem:1024"), 0, 0);
    assertEquals(Resources.parse("cpus:4;mem:4096"), a.available("a0"));
  }

  @Test
  void usesBeyondTheTotalFailAndAddNothing() {
    Allocator a = drf();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> a.addAgent("a0", Resources.parse("cpus:1"), Map.of("f", Resources.parse("cpus:2"))));
    assertEquals("agent 'a0': its tasks use cpus:2, more than its total cpus:1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.available("a0"));
  }

  @Test
  void nextOfferTimeFollowsWhatACycleCouldOffer() {
    Allocator a = drf();
    a.addAgent("a0", Resources.parse("cpus:4;mem:4096"));
    assertEquals(Long.MAX_VALUE, a.nextOfferTime(0), "no framework wants offers");
    a.addFramework("f", "r");
    assertEquals(0, a.nextOfferTime(0));
    Offer offer = a.allocate(0).get(0);
    assertEquals(Long.MAX_VALUE, a.nextOfferTime(0), "everything is offered: no agent has free resources");
    a.recover("f", "a0", offer.resources(), 5, SECOND);
    assertEquals(SECOND, a.nextOfferTime(SECOND), "the decline changed the state: a cycle may offer");
    assertTrue(a.allocate(2 * SECOND).isEmpty(), "the filter of 5 s holds");
    assertEquals(6 * SECOND, a.nextOfferTime(2 * SECOND), "nothing can be offered before the filter expires");
    assertEquals(1, a.allocate(6 * SECOND).size());
  }

  @Test
  void rangesGoWithTheOfferAndFiltersCoverOnlyRangesInsideTheRefusedOnes() {
    Allocator a = drf();
    a.addAgent("a0", Resources.parse("cpus:4;mem:4096;ports:[31000-32000]"));
    a.addFramework("f", "r");
    Offer offer = a.allocate(0).get(0);
    assertEquals(Resources.parse("cpus:4;mem:4096;ports:[31000-32000]"), offer.resources());
    // The framework launches a task on cpus:1;mem:1024;ports:[31000-31000] and declines the rest for 5 s.
    a.recover("f", "a0", offer.resources().minus(Resources.parse("cpus:1;mem:1024;ports:[31000-31000]")), 5, 0);
    assertTrue(a.allocate(SECOND).isEmpty(), "the same cpus, mem and ports are refused");
    a.recover("f", "a0", Resources.parse("ports:[31000-31000]"), 0, 2 * SECOND);
    List<Offer> again = a.allocate(3 * SECOND);
    assertEquals(1, again.size(), "port 31000 is outside the refused ranges, so the filter no longer covers the offer");
    assertEquals(Resources.parse("cpus:3;mem:3072;ports:[31000-32000]"), again.get(0).resources());
    assertEquals(Resources.parse("cpus:4;mem:4096;ports:[31000-32000]"), a.allocation("f", "a0"));
  }
}
