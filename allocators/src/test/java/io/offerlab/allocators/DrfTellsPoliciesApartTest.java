package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A case where DRF, asset fairness and round-robin give three different answers, so that a DRF whose share function
 * were wrong (constant, or summing the shares as asset fairness does) fails it.
 *
 * <p>Cluster: two agents a1 and a2 of &lt;4 CPUs, 5 GB&gt;, total &lt;8 CPUs, 10 GB&gt;. Framework A runs tasks of
 * &lt;1 CPU, 1 GB&gt; (shares 1/8 CPU, 1/10 mem), B tasks of &lt;1 CPU, 2 GB&gt; (1/8 CPU, 2/10 mem). Every cycle the
 * agents are visited in the order added; each offer is the agent's whole free resources, counted as the framework's
 * at once (ARCHITECTURE.md section 5); the framework launches one task if it fits and recovers the rest without a
 * filter. Ties go to fewer picks, then the smaller name. Worked by hand; "A 2/8, B 4/10" are the shares when a cycle
 * starts, and a framework offered a1 holds all of a1 while a2 is placed.
 *
 * <p>DRF (the maximum of the shares):
 * <ol>
 *   <li>cycle 0: A 0, B 0, A has the smaller name: a1 to A (launch); A now holds all of a1 (4/8), so a2 to B (launch);
 *   <li>cycle 1: A 1/8 &lt; B 2/10: a1 to A (launch), a2 to B (launch);
 *   <li>cycle 2: A 2/8 &lt; B 4/10: a1 to A (launch); a2's &lt;2 CPUs, 1 GB&gt; to B: does not fit;
 *   <li>cycle 3: A 3/8 &lt; B 4/10: a1 to A (launch, A's 4th); a2 to B: does not fit;
 *   <li>cycle 4: A 4/8 &gt; B 4/10: a1's &lt;0, 1 GB&gt; to B, which then holds 5/10 and ties A at 1/2 with more
 *       picks (5 against 4): a2's &lt;2 CPUs, 1 GB&gt; to A (launch, A's 5th);
 *   <li>then a1 has &lt;0, 1 GB&gt; and a2 &lt;1 CPU, 0&gt;: nothing fits anyone. A runs 5 tasks, B 2.
 * </ol>
 *
 * <p>Asset fairness (the sum of the shares) makes the same picks up to cycle 3, where A (3/8 + 3/10 = 0.675) follows
 * B (2/8 + 4/10 = 0.65): a1's &lt;1 CPU, 2 GB&gt; goes to B (its 3rd) and a2's &lt;2 CPUs, 1 GB&gt; to A (its 4th);
 * then no CPU is left on a1 and no memory on a2: A 4, B 3.
 *
 * <p>Round-robin (every share constant, so only the pick counts decide) alternates: a1 to A and a2 to B in every
 * cycle. A launches in cycles 0-3 and B in cycles 0-1; from cycle 4 nothing fits: A 4, B 2.
 *
 * <p>So DRF gives (5, 2), asset fairness (4, 3) and round-robin (4, 2): this test checks DRF's.
 */
class DrfTellsPoliciesApartTest {
  private static final Map<String, Resources> TASKS = Map.of(
      "A", Resources.parse("cpus:1;mem:1024"),
      "B", Resources.parse("cpus:1;mem:2048"));

  @Test
  void drfGivesFiveAndTwoWhereAssetFairnessGivesFourAndThreeAndRoundRobinFourAndTwo() {
    Allocator drf = Allocators.create("drf", AllocatorOptions.defaults());
    Map<String, List<String>> launches = launches(drf);

    assertEquals(List.of("a1", "a1", "a1", "a1", "a2"), launches.get("A"), "A's launches, agent by agent");
    assertEquals(List.of("a2", "a2"), launches.get("B"), "B's launches, agent by agent");
    Resources total = Resources.parse("cpus:8;mem:10240");
    Resources heldA = drf.allocation("A", "a1").plus(drf.allocation("A", "a2"));
    Resources heldB = drf.allocation("B", "a1").plus(drf.allocation("B", "a2"));
    assertEquals(5.0 / 8, heldA.dominantShare(total), 1e-9, "A: 5 CPUs of 8");
    assertEquals(4.0 / 10, heldB.dominantShare(total), 1e-9, "B: 4 GB of 10");
  }

  /**
   * Builds this test's cluster and frameworks on {@code allocator}, then runs 10 cycles in which each offered framework
   * launches one task if it fits and recovers the rest unfiltered; returns each framework's launches, agent by agent.
   * {@link FairnessBaselinesTest} runs the other policies on it.
   */
  static Map<String, List<String>> launches(Allocator allocator) {
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
