package io.offerlab.simcore.cluster;

/** Stops a run that can no longer progress: nothing left to arrive, no finite task running, no start for a while. */
final class StallWatch extends SimEvent {
  private final Simulation sim;

  StallWatch(Simulation sim) {
    this.sim = sim;
  }

  @Override
  protected void fire() {
    sim.checkStall();
  }

  @Override
  public String toString() {
    return "stall-watch";
  }
}
