package io.offerlab.allocators;

/**
 * Orders the active clients of one level (roles, or the frameworks of one role), as Mesos' {@code Sorter} does.
 * A pass visits active clients in order, each at most once; {@link #restart} is called when an allocation changed
 * the order during a pass.
 */
interface Sorter {
  /** Makes a client eligible to be visited. */
  void activate(Client client);

  /** Stops visiting a client. */
  void deactivate(Client client);

  /** Applies a change to a client's allocation or weight, keeping the order. */
  void update(Client client, Runnable change);

  /** Refreshes every cached share after the cluster total changed. */
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
