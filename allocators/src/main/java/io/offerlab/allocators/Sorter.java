package io.offerlab.allocators;

/**
 * Orders the active clients of one level (roles, or the frameworks of one role), as Mesos' {@code Sorter} does.
 * A pass visits active clients in order, each at most once; {@link #restartsAfterAllocation} says whether the
 * allocator starts a pass over after an allocation in it.
 *
 * <p>An extension point: an allocator supplies its sorters through {@code HierarchicalAllocator.newSorter}. To order
 * by another share (the sum of shares, slots held, ...) give {@link DrfSorter} a {@link DrfSorter.Share}; to order
 * some other way, implement this interface.
 */
interface Sorter {
  /** Makes a client eligible to be visited. */
  void activate(Client client);

  /** Stops visiting a client. */
  void deactivate(Client client);

  /** Takes note that a client's allocation, picks or weight changed (the order may be updated lazily). */
  void changed(Client client);

  /** Takes note that the cluster total changed: every share must be refreshed before the next pass. */
  void totalChanged();

  /** Returns whether no client is active. */
  boolean isEmpty();

  /** Starts a pass and returns its first client, or null. */
  Client first();

  /** Returns the client after {@code current} in this pass, or null. */
  Client next(Client current);

  /** Whether a pass must start over after an allocation in it (true when the order depends on allocations). */
  boolean restartsAfterAllocation();
}
