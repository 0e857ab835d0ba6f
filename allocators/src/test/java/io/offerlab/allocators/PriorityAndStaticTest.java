package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strict priority starves lower roles while a higher one wants resources; static partitions never leak. */
class PriorityAndStaticTest {

  @Test
  void higherPriorityRoleStarvesLowerWhileItWantsResources() {
    Allocator allocator = Allocators.create("priority",
        AllocatorOptions.defaults().withPriorities(Map.of("prod", 10)));
    for (int i = 0; i < 4; i++) {
      allocator.addAgent("a" + i, Resources.parse("cpus:4;mem:4096"));
    }
    allocator.addFramework("batch", "batch");
    allocator.addFramework("svc", "prod");
    // prod holds every agent after the first cycle although DRF alone would split them.
    List<Offer> first = allocator.allocate(0);
    assertEquals(4, first.size());
    assertTrue(first.stream().allMatch(o -> o.frameworkId().equals("svc")), first.toString());
    // Each cycle svc returns everything and still wants more: batch never gets an offer.
    for (int cycle = 1; cycle < 10; cycle++) {
      for (int i = 0; i < 4; i++) {
        allocator.recover("svc", "a" + i, allocator.allocation("svc", "a" + i), 0, cycle * 1_000_000L);
      }
      List<Offer> offers = allocator.allocate(cycle * 1_000_000L);
      assertTrue(offers.stream().allMatch(o -> o.frameworkId().equals("svc")), offers.toString());
    }
    // Once svc stops wanting offers, batch gets what is free.
    allocator.suppress("svc");
    for (int i = 0; i < 4; i++) {
      allocator.recover("svc", "a" + i, allocator.allocation("svc", "a" + i), 0, 20_000_000L);
    }
    List<Offer> after = allocator.allocate(20_000_000L);
    assertEquals(4, after.size());
    assertTrue(after.stream().allMatch(o -> o.frameworkId().equals("batch")), after.toString());
  }

  @Test
  void aRolesFreePartitionIsNeverOfferedToAnotherRole() {
    Allocator allocator = Allocators.create("static", AllocatorOptions.defaults().withPartitionRoles(List.of("x", "y")));
    for (int i = 0; i < 6; i++) {
      allocator.addAgent("a" + i, Resources.parse("cpus:4;mem:4096"));
    }
    allocator.addFramework("fx", "x");
    allocator.addFramework("fy", "y");
    // Default split: agent k belongs to role k mod 2 in name order.
    for (Offer offer : allocator.allocate(0)) {
      int k = Integer.parseInt(offer.agentId().substring(1));
      assertEquals(k % 2 == 0 ? "fx" : "fy", offer.frameworkId());
    }
    // y goes idle and returns its agents: they stay free, x is never offered them.
    allocator.suppress("fy");
    for (int k = 1; k < 6; k += 2) {
      allocator.recover("fy", "a" + k, allocator.allocation("fy", "a" + k), 0, 1_000_000L);
    }
    for (int k = 0; k < 6; k += 2) {
      allocator.recover("fx", "a" + k, allocator.allocation("fx", "a" + k), 0, 1_000_000L);
    }
    List<Offer> offers = allocator.allocate(2_000_000L);
    assertEquals(3, offers.size());
    for (Offer offer : offers) {
      assertEquals("fx", offer.frameworkId());
      assertEquals(0, Integer.parseInt(offer.agentId().substring(1)) % 2, offer.toString());
    }
    assertEquals(Resources.parse("cpus:4;mem:4096"), allocator.available("a1"));
  }

  @Test
  void fractionsCapWhatEachRoleIsOfferedOnEveryAgent() {
    Allocator allocator = Allocators.create("static", AllocatorOptions.defaults().withPartitions(Map.of(
        "x", new AllocatorOptions.Partition.Fraction(0.75), "y", new AllocatorOptions.Partition.Fraction(0.25))));
    allocator.addAgent("a0", Resources.parse("cpus:4;mem:4096"));
    allocator.addFramework("fx", "x");
    allocator.addFramework("fy", "y");
    List<Offer> offers = allocator.allocate(0);
    assertEquals(2, offers.size());
    assertEquals(Resources.parse("cpus:3;mem:3072"), allocator.allocation("fx", "a0"));
    assertEquals(Resources.parse("cpus:1;mem:1024"), allocator.allocation("fy", "a0"));
  }
}
