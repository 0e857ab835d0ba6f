package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fair-share-sized offers ({@code drf-sized}, and {@code drf} with {@code offerSize: fair-share}), the Omega paper's
 * remedy for offer hoarding (Schwarzkopf et al., EuroSys 2013, section 4.1), on cases worked by hand: f = role weight /
 * sum of the weights of roles with eligible frameworks / the role's eligible frameworks; g = max(0, f - dominant
 * share); each kind of the offer is min(free, g x cluster total).
 */
final class FairShareOfferSizeTest {
  /**
   * Agents a1 and a2 of &lt;4 CPUs, 8 GB&gt; (total &lt;8, 16 GB&gt;); role r1 (weight 1) has A, role r2 (weight 3)
   * B and C: f(A) = 1/4, f(B) = f(C) = 3/4 / 2 = 3/8.
   * <ol>
   *   <li>a1: both roles at 0, r1 by name: A, g = 1/4: &lt;2, 4 GB&gt;. Then r2 (0 &lt; 1/4): B (0, by name), g = 3/8:
   *       min(&lt;2, 4 GB&gt; left, &lt;3, 6 GB&gt;) = the rest of a1.
   *   <li>a2: r2 (1/4 / 3) before r1 (1/4); in r2, C (0) before B (1/4): g = 3/8: &lt;3, 6 GB&gt;. Then r2 (5/8 / 3)
   *       before r1; B (1/4) before C (3/8): g = 1/8: &lt;1, 2 GB&gt;, the rest of a2.
   * </ol>
   */
  @Test
  void offersHoldWhatBringsEachFrameworkToItsFairShare() {
    List<Offer> expected = List.of(
        new Offer("A", "a1", Resources.parse("cpus:2;mem:4096")),
        new Offer("B", "a1", Resources.parse("cpus:2;mem:4096")),
        new Offer("C", "a2", Resources.parse("cpus:3;mem:6144")),
        new Offer("B", "a2", Resources.parse("cpus:1;mem:2048")));
    assertEquals(expected, weightedCase("drf-sized", AllocatorOptions.defaults()));
    assertEquals(expected, weightedCase("drf", AllocatorOptions.defaults().withOfferSize(OfferSize.FAIR_SHARE)));
    // Whole-agent offers, for contrast: a1 all to A, then a2 all to B (r2 at 0 < r1's 1/2, B before C by name).
    assertEquals(List.of(
        new Offer("A", "a1", Resources.parse("cpus:4;mem:8192")),
        new Offer("B", "a2", Resources.parse("cpus:4;mem:8192"))),
        weightedCase("drf", AllocatorOptions.defaults().withOfferSize(OfferSize.WHOLE)));
  }

  private static List<Offer> weightedCase(String name, AllocatorOptions options) {
    Allocator allocator = Allocators.create(name, options);
    allocator.setWeight("r2", 3);
    allocator.addAgent("a1", Resources.parse("cpus:4;mem:8192"));
    allocator.addAgent("a2", Resources.parse("cpus:4;mem:8192"));
    allocator.addFramework("A", "r1");
    allocator.addFramework("B", "r2");
    allocator.addFramework("C", "r2");
    return allocator.allocate(0);
  }

  /**
   * One agent of &lt;8 CPUs, 16 GB&gt; whose tasks already use &lt;2 CPUs&gt; for A1 and 4 GB for A2 (role r1) and
   * &lt;3 CPUs&gt; for B (role r2), all weights 1: f(A1) = f(A2) = 1/2 / 2 = 1/4, f(B) = 1/2. r1 (share 1/4) comes
   * before r2 (3/8), but A1 and A2 hold their fair share already (g = 0): both are passed over as if filtered, and the
   * agent goes to B, g = 1/8: &lt;1 CPU, 2 GB&gt;. Then everyone is at its fair share and the rest, &lt;2 CPUs,
   * 10 GB&gt;, stays unoffered. Whole-agent DRF offers it all to A1.
   */
  @Test
  void frameworksAtTheirFairSharePassTheAgentOn() {
    assertEquals(List.of(new Offer("B", "a1", Resources.parse("cpus:1;mem:2048"))), passOverCase("drf-sized"));
    assertEquals(List.of(new Offer("A1", "a1", Resources.parse("cpus:3;mem:12288"))), passOverCase("drf"));
  }

  private static List<Offer> passOverCase(String name) {
    Allocator allocator = Allocators.create(name, AllocatorOptions.defaults());
    allocator.addFramework("A1", "r1");
    allocator.addFramework("A2", "r1");
    allocator.addFramework("B", "r2");
    allocator.addAgent("a1", Resources.parse("cpus:8;mem:16384"), Map.of(
        "A1", Resources.parse("cpus:2"), "A2", Resources.parse("mem:4096"), "B", Resources.parse("cpus:3")));
    return allocator.allocate(0);
  }

  /**
   * A lone framework of a 0.999 share (cluster &lt;1 CPU, 1 GB&gt;, it holds &lt;0.999 CPU&gt;): g = 0.001, so the
   * offer would be &lt;0.001 CPU, 1.024 MB&gt;, below the minimum allocatable (cpus:0.01 or mem:32): no offer. The
   * whole-agent rule offers it the rest.
   */
  @Test
  void anOfferBelowTheMinimumAllocatableIsNotMade() {
    for (String name : List.of("drf-sized", "drf")) {
      Allocator allocator = Allocators.create(name, AllocatorOptions.defaults());
      allocator.addFramework("A", "r1");
      allocator.addAgent("a1", Resources.parse("cpus:1;mem:1024"), Map.of("A", Resources.parse("cpus:0.999")));
      List<Offer> offers = allocator.allocate(0);
      assertEquals(name.equals("drf") ? List.of(new Offer("A", "a1", Resources.parse("cpus:0.001;mem:1024")))
          : List.of(), offers, name);
    }
  }
}
