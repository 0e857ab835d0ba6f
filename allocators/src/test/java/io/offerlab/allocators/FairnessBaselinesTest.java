package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DRF paper's baselines ({@code asset}, {@code slots}) next to {@code drf}, on cases worked by hand (issue 19).
 *
 * <p>The cluster of {@link DrfTellsPoliciesApartTest}: two agents a1 and a2 of &lt;4 CPUs, 5 GB&gt; (total &lt;8 CPUs,
 * 10 GB&gt;); framework A (role A) runs tasks of &lt;1 CPU, 1 GB&gt;, B (role B) tasks of &lt;1 CPU, 2 GB&gt;; every
 * cycle visits a1 then a2, an offer counts as the framework's at once, and the framework launches one task if it fits
 * and recovers the rest without a filter. That test works out DRF, A 5 tasks and B 2, and asset fairness, A 4
 * (a1, a1, a1, a2) and B 3 (a2, a2, a1).
 *
 * <p>Slots (the default slot &lt;1 CPU, 2 GB&gt;; an agent of &lt;4 CPUs, 5 GB&gt; has 2 slots; "A 2, B 1" are the
 * slots held when a cycle starts, max over CPUs and memory of held / slot rounded up):
 * <ol>
 *   <li>cycle 0: A 0, B 0, A first by name: a1's 2 slots &lt;2 CPUs, 4 GB&gt; to A (launch); a1 keeps &lt;2 CPUs,
 *       1 GB&gt;, no slot; a2's 2 slots to B, which holds fewer (launch);
 *   <li>cycle 1: A 1, B 1, one pick each, A by name: a1 (&lt;3, 4 GB&gt; free, 2 slots) to A (launch); a2 (&lt;3,
 *       3 GB&gt;, 1 slot) to B (launch);
 *   <li>cycle 2: A 2 (&lt;2, 2 GB&gt;), B 2 (&lt;2, 4 GB&gt;), two picks each, A by name: a1 (&lt;2, 3 GB&gt;, 1
 *       slot) to A (launch, its 3rd); a2 has &lt;2 CPUs, 1 GB&gt;: no slot;
 *   <li>cycle 3: A 3 &gt; B 2: a1's last slot &lt;1, 2 GB&gt; to B (launch, its 3rd);
 *   <li>then a1 is full and a2 has no slot: A 3 tasks (a1, a1, a1), B 3 (a2, a2, a1).
 * </ol>
 * So DRF gives (5, 2), asset fairness (4, 3) and slots (3, 3): three different answers.
 */
final class FairnessBaselinesTest {
  private static final Map<String, Resources> TASKS = Map.of(
      "A", Resources.parse("cpus:1;mem:1024"),
      "B", Resources.parse("cpus:1;mem:2048"));

  @Test
  void drfAssetAndSlotsGiveThreeDifferentAnswers() {
    assertEquals(Map.of("A", List.of("a1", "a1", "a1", "a1", "a2"), "B", List.of("a2", "a2")), launches("drf"));
    assertEquals(Map.of("A", List.of("a1", "a1", "a1", "a2"), "B", List.of("a2", "a2", "a1")), launches("asset"));
    assertEquals(Map.of("A", List.of("a1", "a1", "a1"), "B", List.of("a2", "a2", "a1")), launches("slots"));
  }

  @Test
  void slotsOffersWholeSlotsAndAllOfTheKindsTheSlotDoesNotName() {
    Allocator slots = Allocators.create("slots", AllocatorOptions.defaults());
    slots.addAgent("a1", Resources.parse("cpus:4;mem:5120"));
    slots.addAgent("a2", Resources.parse("cpus:3;mem:8192;disk:100"));
    slots.addAgent("a3", Resources.parse("cpus:0.5;mem:8192"));
    slots.addFramework("A", "r1");
    slots.addFramework("B", "r2");
    // a1: min(4 / 1, 5120 / 2048) = 2 slots to A (first by name); what is left, <2 CPUs, 1 GB>, holds no slot.
    // a2: min(3, 4) = 3 slots to B (0 slots held against A's 2), with all its disk; a3: no slot (0.5 CPU).
    assertEquals(List.of(
        new Offer("A", "a1", Resources.parse("cpus:2;mem:4096")),
        new Offer("B", "a2", Resources.parse("cpus:3;mem:6144;disk:100"))), slots.allocate(0));
    assertEquals(Resources.parse("cpus:2;mem:1024"), slots.available("a1"));
    assertEquals(Resources.parse("cpus:0.5;mem:8192"), slots.available("a3"));
  }

  @Test
  void slotSizeOptionCutsAgentsDifferently() {
    Allocator slots = Allocators.create("slots",
        AllocatorOptions.defaults().withSlotSize(AllocatorOptions.parseSlotSize("cpus:0.5")));
    slots.addAgent("a3", Resources.parse("cpus:1.2;mem:8192"));
    slots.addFramework("A", "r1");
    // A CPU-only slot of 0.5: floor(1.2 / 0.5) = 2 slots, and all the memory, which the slot does not name.
    assertEquals(List.of(new Offer("A", "a3", Resources.parse("cpus:1;mem:8192"))), slots.allocate(0));
  }

  /**
   * Held resources: A &lt;2 CPUs, 0&gt; of a cluster of &lt;8 CPUs, 8 GB&gt; (dominant share 0.25, sum 0.25, 2
   * slots); B &lt;1 CPU, 1.5 GB&gt; (dominant 0.1875, sum 0.3125, max(1, ceil(0.75)) = 1 slot). DRF and slots visit
   * B first, asset fairness A: the free &lt;5 CPUs, 6.5 GB&gt; goes to B, B and A.
   */
  @Test
  void assetOrdersByTheSumOfSharesWhereDrfAndSlotsDoNot() {
    Map<String, String> first = new LinkedHashMap<>();
    for (String name : List.of("drf", "slots", "asset")) {
      Allocator allocator = Allocators.create(name, AllocatorOptions.defaults());
      allocator.addFramework("A", "r1");
      allocator.addFramework("B", "r2");
      allocator.addAgent("a1", Resources.parse("cpus:8;mem:8192"),
          Map.of("A", Resources.parse("cpus:2"), "B", Resources.parse("cpus:1;mem:1536")));
      first.put(name, allocator.allocate(0).get(0).frameworkId());
    }
    assertEquals(Map.of("drf", "B", "slots", "B", "asset", "A"), first);
  }

  /** Runs 10 cycles in which each offered framework launches one task if it fits and recovers the rest unfiltered. */
  private static Map<String, List<String>> launches(String name) {
    Allocator allocator = Allocators.create(name, AllocatorOptions.defaults());
    allocator.addAgent("a1", Resources.parse("cpus:4;mem:5120"));
    allocator.addAgent("a2", Resources.parse("cpus:4;mem:5120"));
    allocator.addFramework("A", "A");
    allocator.addFramework("B", "B");
    Map<String, List<String>> launches = new LinkedHashMap<>(Map.of("A", new ArrayList<>(), "B", new ArrayList<>()));
    for (int cycle = 0; cycle < 10; cycle++) {
      long now = cycle * 1_000_000L;
      for (Offer offer : allocator.allocate(now)) {
        Resources task = TASKS.get(offer.frameworkId());
        Resources keep = offer.resources().contains(task) ? task : Resources.EMPTY;
        if (!keep.isEmpty()) {
          launches.get(offer.frameworkId()).add(offer.agentId());
        }
        allocator.recover(offer.frameworkId(), offer.agentId(), offer.resources().minus(keep), 0, now);
      }
    }
    return launches;
  }
}
