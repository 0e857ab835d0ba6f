package io.offerlab.simcore.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A framework answers its offers in agent order: the radix sort must order keys by agent index exactly as a stable
 * comparison sort does, keeping offers on the same agent in their original order, for small and large batches.
 */
class AgentOrderTest {
  @Property(tries = 300)
  void sortsByAgentStably(@ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 99_999) Integer> agents,
      @ForAll @IntRange(min = 0, max = 99_999) int agentsAbove) {
    int bound = 100_000 + agentsAbove;
    int n = agents.size();
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) agents.get(i) << 32) | i;
    }
    Long[] expected = Arrays.stream(keys).boxed().toArray(Long[]::new);
    Arrays.sort(expected, Comparator.comparingLong(k -> k >>> 32));
    AgentOrder order = new AgentOrder();
    order.sort(keys, n, bound);
    assertArrayEquals(Arrays.stream(expected).mapToLong(Long::longValue).toArray(), keys);
  }

  @Property(tries = 100)
  void reusesItsScratchAcrossBatchesOfDifferentSizes(
      @ForAll @Size(min = 2, max = 4) List<@Size(max = 500) List<@IntRange(min = 0, max = 299) Integer>> batches) {
    AgentOrder order = new AgentOrder();
    for (List<Integer> agents : batches) {
      int n = agents.size();
      long[] keys = new long[n + 3];
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) agents.get(i) << 32) | i;
      }
      long[] expected = Arrays.copyOf(keys, n);
      Long[] boxed = Arrays.stream(expected).boxed().toArray(Long[]::new);
      Arrays.sort(boxed, Comparator.comparingLong(k -> k >>> 32));
      order.sort(keys, n, 300);
      assertArrayEquals(Arrays.stream(boxed).mapToLong(Long::longValue).toArray(), Arrays.copyOf(keys, n));
    }
  }
}
