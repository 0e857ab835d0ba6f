package io.offerlab.simcore.cluster;

import java.util.Arrays;

/**
 * Puts a batch of items in agent order with a stable LSD radix sort: each key is {@code agentIndex << 32 | item}, and
 * the sort looks at the agent index only, one byte per pass, so equal agents keep their item order. A framework
 * answers a batch of offers in this order, so that the master and the allocator visit agents in the order they were
 * laid out in memory instead of the cycle's random one; the answers are the same in any order.
 */
final class AgentOrder {
  private static final int SMALL = 48;

  private long[] scratch = new long[16];
  private final int[] counts = new int[256];

  /** Sorts {@code keys[0, n)} by agent index, stably; the agent indexes are below {@code agentBound}. */
  void sort(long[] keys, int n, int agentBound) {
    if (n < SMALL) {
      insertionSort(keys, n);
      return;
    }
    if (scratch.length < n) {
      scratch = new long[Math.max(n, 2 * scratch.length)];
    }
    long[] from = keys;
    long[] to = scratch;
    for (int shift = 32; shift < 64 && (agentBound - 1L) >>> (shift - 32) > 0; shift += 8) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[(int) (from[i] >>> shift) & 0xFF]++;
      }
      int sum = 0;
      for (int d = 0; d < 256; d++) {
        int c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long key = from[i];
        to[counts[(int) (key >>> shift) & 0xFF]++] = key;
      }
      long[] t = from;
      from = to;
      to = t;
    }
    if (from != keys) {
      System.arraycopy(from, 0, keys, 0, n);
    }
  }

  private static void insertionSort(long[] keys, int n) {
    for (int i = 1; i < n; i++) {
      long key = keys[i];
      long agent = key >>> 32;
      int j = i - 1;
      while (j >= 0 && keys[j] >>> 32 > agent) {
        keys[j + 1] = keys[j];
        j--;
      }
      keys[j + 1] = key;
    }
  }
}
