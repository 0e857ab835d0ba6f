package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Resources;

/**
 * One offer the master made: a framework may use its agent's resources until it accepts (launching tasks),
 * declines, or the master rescinds it (offer timeout, agent failure). Its resources are "locked" meanwhile.
 *
 * <p>Most offers of a large cluster are declined untouched (Mesos offers every free agent to a reviving framework),
 * so answering an offer touches only the offer itself and flat arrays: the planning scratch ({@link OfferPlan}) exists
 * only once a placement has looked at the offer, and the offer is listed with its framework only (in transit, in the
 * inbox, held, or in the decision), not with its agent.
 */
final class OfferState {
  enum Status { OUTSTANDING, ACCEPTED, DECLINED, RESCINDED }

  final FrameworkScheduler framework;
  final Agent agent;
  /** The agent's id and index, kept here so that answering the offer does not visit the agent object. */
  final String agentId;
  final int agentIndex;
  final Resources resources;
  final long cpus;
  final long mem;
  final long disk;
  final long gpus;
  final long createdAt;
  Status status = Status.OUTSTANDING;
  /** What decisions did with the offer; null until a placement first looks at it. */
  OfferPlan plan;

  OfferState(FrameworkScheduler framework, Agent agent, String agentId, int agentIndex, Resources resources,
      long createdAt) {
    this.framework = framework;
    this.agent = agent;
    this.agentId = agentId;
    this.agentIndex = agentIndex;
    this.resources = resources;
    this.cpus = Milli.of(resources.cpus());
    this.mem = Milli.of(resources.memMb());
    this.disk = Milli.of(resources.diskMb());
    this.gpus = Milli.of(resources.gpus());
    this.createdAt = createdAt;
  }

  boolean outstanding() {
    return status == Status.OUTSTANDING;
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

  @Override
  public String toString() {
    return "offer(" + framework.name + "@" + agentId + ": " + resources + ")";
  }
}
