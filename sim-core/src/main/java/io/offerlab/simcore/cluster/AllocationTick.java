package io.offerlab.simcore.cluster;

import io.offerlab.simcore.engine.Engine;
import io.offerlab.simcore.master.Timer;
import java.util.function.LongConsumer;

/**
 * The master core's allocation-cycle timer as an engine event. It has priority 1, so a cycle at time t runs after
 * every ordinary event at t (a task that ends at t frees its resources for the cycle at t); this fixed rule is what
 * lets the master skip idle ticks without changing any result.
 */
final class AllocationTick extends SimEvent implements Timer {
  /** The priority of allocation cycles: after ordinary events at the same time. */
  static final int PRIORITY = 1;
  private final Engine engine;
  private final LongConsumer action;

  AllocationTick(Engine engine, LongConsumer action) {
    super(PRIORITY);
    this.engine = engine;
    this.action = action;
  }

  @Override
  public long time() {
    return scheduledTime();
  }

  @Override
  public void set(long timeMicros) {
    engine.reschedule(this, timeMicros);
  }

  @Override
  protected void fire() {
    action.accept(engine.now());
  }

  @Override
  public String toString() {
    return "allocation-tick";
  }
}
