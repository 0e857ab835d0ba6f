package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Resources;

/**
 * One offer the master made: a framework may use its agent's resources until it accepts (launching tasks),
 * declines, or the master rescinds it (offer timeout, agent failure). Its resources are "locked" meanwhile.
 *
 * <p>Most offers of a large cluster are declined untouched (Mesos offers every free agent to a reviving framework),
 * so answering an offer touches only the offer itself and flat arrays: the planning scratch of a decision is set up
 * only when the placement first looks at the offer, and the offer is listed with its framework only (in transit, in
 * the inbox, held, or in the decision), not with its agent.
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
  /** The offer's number in the order offers were made. */
  final long serial;
  Status status = Status.OUTSTANDING;
  /** Planning scratch: the decision the remaining amounts below belong to (see {@link #planFor}). */
  int planStamp;
  /** Planning scratch: what is left of the offer in the framework's current decision. */
  long remCpus;
  long remMem;
  long remDisk;
  long remGpus;
  int planned;
  /** Tasks launched on it. */
  int launched;
  /** What tasks launched on it took, in thousandths. */
  long usedCpus;
  long usedMem;
  long usedDisk;
  long usedGpus;

  OfferState(FrameworkScheduler framework, Agent agent, String agentId, int agentIndex, Resources resources,
      long createdAt, long serial) {
    this.serial = serial;
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
    if (planStamp != stamp) {
      planStamp = stamp;
      remCpus = cpus;
      remMem = mem;
      remDisk = disk;
      remGpus = gpus;
      planned = 0;
    }
  }

  boolean fits(long c, long m, long d, long g) {
    return c <= remCpus && m <= remMem && d <= remDisk && g <= remGpus;
  }

  void take(long c, long m, long d, long g, int sign) {
    remCpus -= sign * c;
    remMem -= sign * m;
    remDisk -= sign * d;
    remGpus -= sign * g;
    planned += sign;
  }

  @Override
  public String toString() {
    return "offer(" + framework.name + "@" + agent.id + ": " + resources + ")";
  }
}
