package io.offerlab.allocators;

/**
 * A role or a framework as a sorter sees it: what it holds, its weight and priority, and how often it was picked.
 * Mutable, owned by one allocator; its cached share is refreshed by the sorter that holds it.
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
  /** Whether the client is in its sorter's active set. */
  boolean active;
  /** Position in a random sorter's array, or -1. */
  int slot = -1;

  Client(String name, Object owner, int width) {
    this.name = name;
    this.owner = owner;
    this.allocated = new long[width];
  }

  void add(long[] delta) {
    ensureWidth(delta.length);
    for (int i = 0; i < delta.length; i++) {
      allocated[i] = Math.addExact(allocated[i], delta[i]);
    }
  }

  void subtract(long[] delta) {
    ensureWidth(delta.length);
    for (int i = 0; i < delta.length; i++) {
      allocated[i] -= delta[i];
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
