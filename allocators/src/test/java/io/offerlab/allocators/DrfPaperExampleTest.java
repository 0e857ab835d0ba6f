package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the DRF paper (Ghodsi et al., "Dominant Resource Fairness", NSDI 2011, section 4): one agent
 * of 9 CPUs and 18 GB; framework A runs tasks of &lt;1 CPU, 4 GB&gt; and B tasks of &lt;3 CPUs, 1 GB&gt;. Each
 * framework launches one task per offer and recovers the rest without a filter. DRF ends with A running 3 tasks and B
 * 2, both at dominant share 2/3.
 *
 * <p>Alternating between A and B gives the same 3 and 2 on this example, so the test goes one step further, to what
 * only the share function decides: when one of B's tasks ends, B's dominant share (1/3) is below A's (2/3) and DRF
 * offers the freed &lt;3 CPUs, 5 GB&gt; to B, which launches again. Both have been picked equally often by then (A
 * and B take turns declining the leftover &lt;0, 4 GB&gt;), so an allocator that ignored shares would offer it to A
 * by name, and A would launch a 4th task.
 */
class DrfPaperExampleTest {
  private static final Resources TASK_A = Resources.parse("cpus:1;mem:4096");
  private static final Resources TASK_B = Resources.parse("cpus:3;mem:1024");

  @Test
  void drfEqualisesDominantSharesAtTwoThirds() {
    Allocator drf = Allocators.create("drf", AllocatorOptions.defaults());
    drf.addAgent("a1", Resources.parse("cpus:9;mem:18432"));
    drf.addFramework("A", "A");
    drf.addFramework("B", "B");
    Map<String, Resources> task = Map.of("A", TASK_A, "B", TASK_B);
    Map<String, Integer> running = new HashMap<>(Map.of("A", 0, "B", 0));

    for (int cycle = 0; cycle < 20; cycle++) {
      List<Offer> offers = drf.allocate(cycle * 1_000_000L);
      for (Offer offer : offers) {
        String f = offer.frameworkId();
        Resources keep = offer.resources().contains(task.get(f)) ? task.get(f) : Resources.EMPTY;
        if (!keep.isEmpty()) {
          running.merge(f, 1, Integer::sum);
        }
        drf.recover(f, offer.agentId(), offer.resources().minus(keep), 0, cycle * 1_000_000L);
      }
    }

    assertEquals(3, running.get("A"));
    assertEquals(2, running.get("B"));
    Resources total = Resources.parse("cpus:9;mem:18432");
    assertEquals(2.0 / 3, drf.allocation("A", "a1").dominantShare(total), 1e-9);
    assertEquals(2.0 / 3, drf.allocation("B", "a1").dominantShare(total), 1e-9);

    long later = 20 * 1_000_000L;
    drf.recover("B", "a1", TASK_B, 0, later);
    List<Offer> offers = drf.allocate(later);
    assertEquals(1, offers.size());
    assertEquals("B", offers.get(0).frameworkId(), "B's dominant share 1/3 is below A's 2/3");
    assertEquals(Resources.parse("cpus:3;mem:5120"), offers.get(0).resources());
  }
}
