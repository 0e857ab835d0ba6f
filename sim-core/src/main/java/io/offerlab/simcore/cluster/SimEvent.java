package io.offerlab.simcore.cluster;

import io.offerlab.simcore.engine.Event;

/**
 * The closed set of things that happen in a simulated cluster. Each kind is one reusable object per owner (a task's
 * next transition, a framework's offer delivery and decision, the master's allocation tick), so the event loop
 * allocates nothing for them.
 */
abstract sealed class SimEvent extends Event
    permits TaskRun, AllocationTick, OfferDelivery, DecisionDone, OfferTimeouts, JobArrivals, AgentTransition,
        JobChains.ChainRelease,
        StallWatch {

  SimEvent() {
    super(0);
  }

  SimEvent(int priority) {
    super(priority);
  }
}
