package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Resources;

/**
 * One offer the master made: a framework may use its agent's resources until it accepts (launching tasks),
 * declines, or the master rescinds it (offer timeout, agent failure). Its resources are "locked" meanwhile.
 */
final class OfferState {
  enum Status { OUTSTANDING, ACCEPTED, DECLINED, RESCINDED }

  final FrameworkScheduler framework;
  final Agent agent;
  final Resources resources;
  final long cpus;
  final long mem;
  final long disk;
  final long gpus;
  final long createdAt;
  final long deliverAt;
  Status status = Status.OUTSTANDING;
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

  OfferState(FrameworkScheduler framework, Agent agent, Resources resources, long createdAt, long deliverAt) {
    this.framework = framework;
    this.agent = agent;
    this.resources = resources;
    this.cpus = Milli.of(resources.cpus());
    this.mem = Milli.of(resources.memMb());
    this.disk = Milli.of(resources.diskMb());
    this.gpus = Milli.of(resources.gpus());
    this.createdAt = createdAt;
    this.deliverAt = deliverAt;
  }

  boolean outstanding() {
    return status == Status.OUTSTANDING;
  }

  void resetPlan() {
    remCpus = cpus;
    remMem = mem;
    remDisk = disk;
    remGpus = gpus;
    planned = 0;
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
