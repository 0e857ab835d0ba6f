package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Resources;
import java.util.Arrays;
import java.util.Locale;

/**
 * The debug check of {@code simulation.checkInvariants}, run after every event: on every agent, running tasks plus
 * outstanding offers plus the allocator's free resources equal the agent's total, and a failed agent holds nothing.
 */
final class Invariants {
  private Invariants() {}

  /** Checks allocated + offered + free = total on every agent, against the allocator's own view. */
  static void check(SimulatedMaster master, long now) {
    int n = master.agentList.size();
    Resources[] offeredOn = new Resources[n];
    Arrays.fill(offeredOn, Resources.EMPTY);
    for (OfferState offer : master.outstandingOffers()) {
      offeredOn[offer.agentIndex()] = offeredOn[offer.agentIndex()].plus(offer.resources());
      if (offer.agent.index != offer.agentIndex() || !offer.agent.id.equals(offer.agentId())) {
        throw violation(now, offer.agent, "an offer names the wrong agent: " + offer);
      }
    }
    for (Agent agent : master.agentList) {
      int i = agent.index;
      if (!agent.up()) {
        if (!agent.tasks.isEmpty() || !offeredOn[i].isEmpty()) {
          throw violation(now, agent, "a failed agent still has " + agent.tasks.size() + " tasks and offers of "
              + offeredOn[i]);
        }
        continue;
      }
      Resources allocated = Resources.EMPTY;
      for (TaskRun task : agent.tasks) {
        allocated = allocated.plus(task.resources);
      }
      Resources offered = offeredOn[i];
      Resources free = master.allocator.available(agent.id);
      Resources sum = allocated.plus(offered).plus(free);
      if (!sum.equals(agent.total)) {
        throw violation(now, agent, "allocated " + allocated + " + offered " + offered + " + free " + free
            + " = " + sum + ", expected the total " + agent.total);
      }
    }
  }

  private static IllegalStateException violation(long now, Agent agent, String what) {
    return new IllegalStateException(String.format(Locale.ROOT, "conservation violated at t=%d us on agent %s: %s",
        now, agent.id, what));
  }
}
