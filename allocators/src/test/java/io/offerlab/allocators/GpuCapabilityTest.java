package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mesos' {@code filterGpuResources} (MESOS-5634) through the SPI, for every allocator: an agent with GPUs is offered
 * only to frameworks with GPU_RESOURCES, and a framework that declares it later ({@code updateFramework}, Mesos
 * UPDATE_FRAMEWORK) is offered the agent at the next cycle, even after a cycle that offered nothing (the idle-cycle
 * shortcut must not hide the change).
 */
final class GpuCapabilityTest {
  @Test
  void gpuAgentWaitsForACapableFrameworkUnderEveryAllocator() {
    for (String name : Allocators.names()) {
      Allocator allocator = Allocators.create(name, AllocatorOptions.defaults());
      allocator.addAgent("g1", Resources.parse("cpus:4;mem:4096;gpus:1"));
      allocator.addAgent("c1", Resources.parse("cpus:4;mem:4096"));
      allocator.addFramework("A", "r");
      List<Offer> first = allocator.allocate(0);
      assertEquals(1, first.size(), name);
      assertEquals("c1", first.get(0).agentId(), name);
      assertTrue(allocator.allocate(1_000_000).isEmpty(), name);
      allocator.updateFramework("A", EnumSet.of(Capability.GPU_RESOURCES));
      List<Offer> second = allocator.allocate(2_000_000);
      assertEquals(1, second.size(), name);
      assertEquals("g1", second.get(0).agentId(), name);
      // slots offers whole slots (cpus:1;mem:2048 by default): two of them, and all the GPUs the slot does not name;
      // drf-sized offers A what brings it to its fair share, 1 (it is alone), from 0.5 (c1's half of the cluster):
      // half of each cluster total, so half of the one GPU.
      String whole = switch (name) {
        case "slots" -> "cpus:2;mem:4096;gpus:1";
        case "drf-sized" -> "cpus:4;mem:4096;gpus:0.5";
        default -> "cpus:4;mem:4096;gpus:1";
      };
      assertEquals(Resources.parse(whole), second.get(0).resources(), name);
    }
  }

  @Test
  void capableFrameworkIsOfferedGpuAgents() {
    Allocator drf = Allocators.create("drf", AllocatorOptions.defaults());
    drf.addAgent("g1", Resources.parse("cpus:4;mem:4096;gpus:1"));
    drf.addFramework("A", "r", Set.of(Capability.GPU_RESOURCES));
    assertEquals(List.of(new Offer("A", "g1", Resources.parse("cpus:4;mem:4096;gpus:1"))), drf.allocate(0));
  }
}
