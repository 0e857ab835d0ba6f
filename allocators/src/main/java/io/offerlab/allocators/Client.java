package io.offerlab.allocators;

/**
 * A role or a framework as a sorter sees it: what it holds, its weight and priority, and how often it was picked.
 * Mutable, owned by one allocator. After changing {@link #allocated}, {@link #picks} or {@link #weight}, the owner
 * calls its sorter's {@link Sorter#changed}; the sorter refreshes {@link #share} and repositions the client lazily.
 */
final class Client {
  final String name;
  /** The role or framework state this client stands for. */
  final Object owner;
  long[] allocated;
  long picks;
  double weight = 1.0;
  int priority;
  double share;
  /** A number ordered as {@link #name} is ({@link NameRanks}), so ties are broken without comparing strings. */
  long rank;
  /** Whether the client is in its sorter's active set. */
  boolean active;
  /** Sorter bookkeeping: a position, or -1 (random sorter); whether a repositioning is pending (DRF sorter). */
  int slot = -1;
  boolean dirty;
  /** Random sorter bookkeeping: whether the client is counted among those with a weight other than 1. */
  boolean countedWeighted;
  /** The share and picks the client is ordered by in its sorter's array until it is repositioned. */
  double keyShare;
  long keyPicks;

  Client(String name, Object owner, int width) {
    this.name = name;
    this.owner = owner;
    this.allocated = new long[width];
  }

  /** Adds {@code width} leading entries of {@code delta} (from {@code offset}) to the allocation. */
  void add(long[] delta, int offset, int width) {
    ensureWidth(width);
    for (int i = 0; i < width; i++) {
      allocated[i] = Math.addExact(allocated[i], delta[offset + i]);
    }
  }

  /** Subtracts {@code width} entries of {@code delta} (from {@code offset}) from the allocation. */
  void subtract(long[] delta, int offset, int width) {
    ensureWidth(width);
    for (int i = 0; i < width; i++) {
      allocated[i] -= delta[offset + i];
    }
  }

  private void ensureWidth(int width) {
    if (allocated.length < width) {
      allocated = java.util.Arrays.copyOf(allocated, width);
    }
  }

  /** Recomputes the weighted dominant share against the cluster total (Mesos' DRFSorter::calculateShare). */
  void refreshShare(long[] total) {
    share = Resources.dominantShare(allocated, total) / weight;
  }
}
