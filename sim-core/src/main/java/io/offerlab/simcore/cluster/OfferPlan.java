package io.offerlab.simcore.cluster;

/**
 * What a framework's decisions did with one offer: the amounts left in the current decision's plan, and the tasks
 * launched on it. Created only for the offers a placement actually looks at (a few per decision, while a framework
 * that revives is offered nearly every agent of the cluster), so the many offers declined untouched stay small.
 */
final class OfferPlan {
  /** The decision the remaining amounts belong to (see {@link OfferState#planFor}). */
  int stamp;
  /** What is left of the offer in the framework's current decision, in thousandths. */
  long remCpus;
  long remMem;
  long remDisk;
  long remGpus;
  /** Tasks planned on it in the current decision. */
  int planned;
  /** Tasks launched on it. */
  int launched;
  /** What the tasks launched on it took, in thousandths. */
  long usedCpus;
  long usedMem;
  long usedDisk;
  long usedGpus;
}
