package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  /**
   * The DRF paper's sharing-incentive example (section 2): 30 CPUs and 30 GB on one agent, A's tasks &lt;1 CPU, 3
   * GB&gt;, B's &lt;1 CPU, 1 GB&gt;; each cycle the one agent's offer goes to one framework, which launches one task
   * if it fits and else declines with a 5 s filter.
   * <ul>
   *   <li>drf: dominant shares equalise, 3a = b with 3a + b = 30 GB: A 5, B 15;
   *   <li>asset: sums of shares equalise, 4a = 2b with 3a + b = 30 GB: A 6, B 12, the paper's numbers (B's static
   *       half would run 15: asset fairness breaks sharing incentive);
   *   <li>slots (&lt;1 CPU, 2 GB&gt;: A holds ceil(1.5a) slots, B b): one task a cycle to the framework holding fewer
   *       slots (ties: fewer picks): A, B, B, A, B, A, B, B, A, B, A, B, B, A, B reach A 6 (9 slots), B 9 with 3 GB
   *       free (1 slot); A, first at 9 against 9 with fewer picks, is offered &lt;1 CPU, 2 GB&gt;, which its task does
   *       not fit: it declines with a filter, and B takes the last two slots: A 6, B 11, 1 GB left that holds no slot;
   *   <li>drf-sized: each framework's fair share is 1/2; A's fifth task is worth exactly g = 0.5 - 0.4 of the memory,
   *       B's fifteenth g = 0.5 - 14/30 of the CPUs, so it ends as drf: A 5, B 15.
   * </ul>
   */
  @Test
  void sharingIncentiveExampleOfTheDrfPaper() {
    Map<String, Map<String, Integer>> tasks = new LinkedHashMap<>();
    for (String name : List.of("drf", "asset", "slots", "drf-sized")) {
      tasks.put(name, oneAgent(name, "cpus:30;mem:30720", "cpus:1;mem:3072", "cpus:1;mem:1024"));
    }
    assertEquals(Map.of("drf", Map.of("A", 5, "B", 15), "asset", Map.of("A", 6, "B", 12),
        "slots", Map.of("A", 6, "B", 11), "drf-sized", Map.of("A", 5, "B", 15)), tasks);
  }

  /**
   * The DRF paper's example (section 4): 9 CPUs and 18 GB, A's tasks &lt;1 CPU, 4 GB&gt;, B's &lt;3 CPUs, 1 GB&gt;,
   * driven as above.
   * <ul>
   *   <li>drf: A 3, B 2 (the paper's);
   *   <li>asset (per task A 1/9 + 4/18 = 1/3, B 3/9 + 1/18 = 7/18): A, B, A, B, A: A 3, B 2 (the fractional asset
   *       equilibrium is 2.52 and 2.16; one agent offered whole rounds it to the same tasks as DRF);
   *   <li>slots (&lt;1 CPU, 2 GB&gt;, 9 slots; A's task is 2 slots, B's 3): A, B, A, B, then &lt;1 CPU, 8 GB&gt; is
   *       free, 1 slot, which fits neither: A 2, B 2;
   *   <li>drf-sized (fair share 1/2 each): A, B in the first cycle; then A (2/9 of the memory) gets its second task;
   *       B, at 1/3, is offered at most 1/2 - 1/3 of the CPUs, 1.5, and A, at 4/9, 0.5 CPU and 1 GB: neither fits.
   *       A 2, B 1: fair-share offers cap each framework at its 1/n share, where DRF's allocation gives both 2/3.
   * </ul>
   */
  @Test
  void drfPaperExampleUnderEachRule() {
    Map<String, Map<String, Integer>> tasks = new LinkedHashMap<>();
    for (String name : List.of("drf", "asset", "slots", "drf-sized")) {
      tasks.put(name, oneAgent(name, "cpus:9;mem:18432", "cpus:1;mem:4096", "cpus:3;mem:1024"));
    }
    assertEquals(Map.of("drf", Map.of("A", 3, "B", 2), "asset", Map.of("A", 3, "B", 2),
        "slots", Map.of("A", 2, "B", 2), "drf-sized", Map.of("A", 2, "B", 1)), tasks);
  }

  /**
   * Runs one-second cycles on one agent in which each offered framework launches one task if it fits and returns the
   * rest, or declines the offer with a 5 s filter, until 20 cycles in a row launch nothing.
   */
  private static Map<String, Integer> oneAgent(String name, String agent, String taskA, String taskB) {
    Allocator allocator = Allocators.create(name, AllocatorOptions.defaults());
    allocator.addAgent("s1", Resources.parse(agent));
    allocator.addFramework("A", "A");
    allocator.addFramework("B", "B");
    Map<String, Resources> tasks = Map.of("A", Resources.parse(taskA), "B", Resources.parse(taskB));
    Map<String, Integer> count = new java.util.TreeMap<>(Map.of("A", 0, "B", 0));
    for (int cycle = 0, idle = 0; cycle < 300 && idle < 20; cycle++) {
      long now = cycle * 1_000_000L;
      boolean launched = false;
      for (Offer offer : allocator.allocate(now)) {
        Resources task = tasks.get(offer.frameworkId());
        boolean fits = offer.resources().contains(task);
        if (fits) {
          count.merge(offer.frameworkId(), 1, Integer::sum);
          launched = true;
        }
        allocator.recover(offer.frameworkId(), offer.agentId(), fits ? offer.resources().minus(task)
            : offer.resources(), fits ? 0 : 5, now);
      }
      idle = launched ? 0 : idle + 1;
    }
    return count;
  }

  private static Map<String, List<String>> launches(String name) {
    return DrfTellsPoliciesApartTest.launches(Allocators.create(name, AllocatorOptions.defaults()));
  }
}
