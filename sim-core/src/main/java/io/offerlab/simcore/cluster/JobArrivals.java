package io.offerlab.simcore.cluster;

/** The arrival of the next job of the workload; jobs are pulled from the stream one at a time. */
final class JobArrivals extends SimEvent {
  private final Simulation sim;

  JobArrivals(Simulation sim) {
    this.sim = sim;
  }

  @Override
  protected void fire() {
    sim.arrive();
  }

  @Override
  public String toString() {
    return "job-arrival";
  }
}
