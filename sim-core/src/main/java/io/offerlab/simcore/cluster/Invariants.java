package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Resources;
import java.util.Locale;

/**
 * The debug check of {@code simulation.checkInvariants}, run after every event: on every agent, running tasks plus
 * outstanding offers plus the allocator's free resources equal the agent's total, the master's mirror of the free
 * resources equals the allocator's, and a failed agent holds nothing.
 */
final class Invariants {
  private Invariants() {}

  /** Checks allocated + offered + free = total on every agent, against the allocator's own view. */
  static void check(Master master, long now) {
    for (Agent agent : master.agentList) {
      if (!agent.up) {
        if (!agent.tasks.isEmpty() || !agent.offers.isEmpty()) {
          throw violation(now, agent, "a failed agent still has " + agent.tasks.size() + " tasks and "
              + agent.offers.size() + " offers");
        }
        continue;
      }
      Resources allocated = Resources.EMPTY;
      for (TaskRun task : agent.tasks) {
        allocated = allocated.plus(task.resources);
      }
      Resources offered = Resources.EMPTY;
      for (OfferState offer : agent.offers) {
        if (!offer.outstanding()) {
          throw violation(now, agent, "a resolved offer is still listed: " + offer);
        }
        offered = offered.plus(offer.resources);
      }
      Resources free = master.allocator.available(agent.id);
      Resources sum = allocated.plus(offered).plus(free);
      if (!sum.equals(agent.total)) {
        throw violation(now, agent, "allocated " + allocated + " + offered " + offered + " + free " + free
            + " = " + sum + ", expected the total " + agent.total);
      }
      if (Milli.of(free.cpus()) != agent.freeCpus || Milli.of(free.memMb()) != agent.freeMem
          || Milli.of(free.diskMb()) != agent.freeDisk || Milli.of(free.gpus()) != agent.freeGpus) {
        throw violation(now, agent, "the master's view of free resources differs from the allocator's " + free);
      }
      if (agent.allocatable != agent.computeAllocatable()) {
        throw violation(now, agent, "stale allocatable flag");
      }
    }
  }

  private static IllegalStateException violation(long now, Agent agent, String what) {
    return new IllegalStateException(String.format(Locale.ROOT, "conservation violated at t=%d us on agent %s: %s",
        now, agent.id, what));
  }
}
