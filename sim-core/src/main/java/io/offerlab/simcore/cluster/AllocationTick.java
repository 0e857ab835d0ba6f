package io.offerlab.simcore.cluster;

/**
 * The master's allocation cycle. It has priority 1, so a cycle at time t runs after every ordinary event at t (a task
 * that ends at t frees its resources for the cycle at t); this fixed rule is what lets the master skip idle ticks
 * without changing any result.
 */
final class AllocationTick extends SimEvent {
  /** The priority of allocation cycles: after ordinary events at the same time. */
  static final int PRIORITY = 1;
  private final Master master;

  AllocationTick(Master master) {
    super(PRIORITY);
    this.master = master;
  }

  @Override
  protected void fire() {
    master.tick();
  }

  @Override
  public String toString() {
    return "allocation-tick";
  }
}
