package io.offerlab.simcore.cluster;

import io.offerlab.allocators.OfferBatch;
import io.offerlab.allocators.Resources;
import io.offerlab.simcore.master.MasterOffer;

/**
 * One offer the master made: a framework may use its agent's resources until it accepts (launching tasks),
 * declines, or the master rescinds it (offer timeout, agent failure). Its resources are "locked" meanwhile.
 *
 * <p>Most offers of a large cluster are declined untouched (Mesos offers every free agent to a reviving framework),
 * so answering an offer touches only the offer itself and flat arrays: the planning scratch ({@link OfferPlan}) exists
 * only once a placement has looked at the offer, and the offer is listed with its framework only (in transit, in the
 * inbox, held, or in the decision), not with its agent.
 */
final class OfferState extends MasterOffer {
  final FrameworkScheduler framework;
  final Agent agent;
  /** The offered amounts in thousandths, read by every placement that looks at the offer. */
  final long cpus;
  final long mem;
  final long disk;
  final long gpus;
  /** Whether cpus, mem, disk and gpus are all the offer holds (no range, no other named scalar). */
  private final boolean scalarOnly;
  /** What decisions did with the offer; null until a placement first looks at it. */
  private OfferPlan plan;

  OfferState(OfferKey key, Resources resources, FrameworkScheduler framework, Agent agent) {
    super(key, resources);
    this.framework = framework;
    this.agent = agent;
    this.cpus = Milli.of(resources.cpus());
    this.mem = Milli.of(resources.memMb());
    this.disk = Milli.of(resources.diskMb());
    this.gpus = Milli.of(resources.gpus());
    this.scalarOnly = false;
  }

  /**
   * Creates offer {@code i} of a cycle's batch: an offer of the four usual scalars keeps only their thousandths (its
   * {@link Resources} are made if ever asked for); any other offer keeps its resources too.
   */
  OfferState(OfferKey key, OfferBatch batch, int i, FrameworkScheduler framework, Agent agent) {
    this(key, batch, i, framework, agent, scalarsOnly(batch, i));
  }

  private OfferState(OfferKey key, OfferBatch batch, int i, FrameworkScheduler framework, Agent agent,
      boolean scalarOnly) {
    super(key, scalarOnly ? null : batch.resources(i));
    this.framework = framework;
    this.agent = agent;
    this.cpus = batch.milli(i, OfferBatch.CPUS);
    this.mem = batch.milli(i, OfferBatch.MEM);
    this.disk = batch.milli(i, OfferBatch.DISK);
    this.gpus = batch.milli(i, OfferBatch.GPUS);
    this.scalarOnly = scalarOnly;
  }

  private static boolean scalarsOnly(OfferBatch batch, int i) {
    if (batch.hasRanges(i)) {
      return false;
    }
    for (int k = batch.kinds() - 1; k > OfferBatch.GPUS; k--) {
      if (batch.milli(i, k) != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected boolean scalarMilli(long[] into) {
    if (!scalarOnly) {
      return false;
    }
    into[0] = cpus;
    into[1] = mem;
    into[2] = disk;
    into[3] = gpus;
    return true;
  }

  @Override
  protected Resources scalarResources() {
    return Resources.of(Milli.value(cpus), Milli.value(mem), Milli.value(disk), Milli.value(gpus));
  }

  /**
   * Makes the offer ready for the decision numbered {@code stamp} (stamps are never 0): the first time the decision
   * looks at it, its remaining amounts are reset to the whole offer.
   */
  void planFor(int stamp) {
    OfferPlan p = plan;
    if (p == null) {
      p = new OfferPlan();
      plan = p;
    }
    if (p.stamp != stamp) {
      p.stamp = stamp;
      p.remCpus = cpus;
      p.remMem = mem;
      p.remDisk = disk;
      p.remGpus = gpus;
      p.planned = 0;
    }
  }

  /** Returns whether the request fits in what the current decision left of the offer (after {@link #planFor}). */
  boolean fits(long c, long m, long d, long g) {
    OfferPlan p = plan;
    return c <= p.remCpus && m <= p.remMem && d <= p.remDisk && g <= p.remGpus;
  }

  /** Plans ({@code sign} 1) or unplans (-1) a request on the offer in the current decision. */
  void take(long c, long m, long d, long g, int sign) {
    OfferPlan p = plan;
    p.remCpus -= sign * c;
    p.remMem -= sign * m;
    p.remDisk -= sign * d;
    p.remGpus -= sign * g;
    p.planned += sign;
  }

  /** Returns how many tasks are planned on it in the current decision (after {@link #planFor}). */
  int planned() {
    return plan.planned;
  }

  /** Returns how many tasks were launched on it. */
  int launched() {
    return plan == null ? 0 : plan.launched;
  }

  /** Records a task launched on it with the given thousandths (its resources pass from the offer to the task). */
  void launched(long c, long m, long d, long g) {
    OfferPlan p = plan;
    p.usedCpus += c;
    p.usedMem += m;
    p.usedDisk += d;
    p.usedGpus += g;
    p.launched++;
  }

  /** Returns what the tasks launched on it use (their resources pass from the offer to the tasks). */
  Resources usedResources() {
    OfferPlan p = plan;
    return Resources.of(Milli.value(p.usedCpus), Milli.value(p.usedMem), Milli.value(p.usedDisk),
        Milli.value(p.usedGpus));
  }

  @Override
  public String toString() {
    return "offer(" + frameworkId() + "@" + agentId() + ": " + resources() + ")";
  }

  /**
   * What a framework's decisions did with one offer: the amounts left in the current decision's plan, and the tasks
   * launched on it. Created only for the offers a placement actually looks at (a few per decision, while a framework
   * that revives is offered nearly every agent of the cluster), so the many offers declined untouched stay small.
   */
  private static final class OfferPlan {
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
}
