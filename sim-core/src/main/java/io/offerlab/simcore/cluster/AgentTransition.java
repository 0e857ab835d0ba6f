package io.offerlab.simcore.cluster;

import java.util.SplittableRandom;

/**
 * An agent's next failure or rejoin, for synthetic failures: exponential times to failure (mean MTBF) and to repair
 * (mean MTTR), each agent drawing from its own seeded stream so every allocator sees the same failures.
 */
final class AgentTransition extends SimEvent {
  private final Simulation sim;
  final SplittableRandom random;
  Agent agent;

  AgentTransition(Simulation sim, SplittableRandom random) {
    this.sim = sim;
    this.random = random;
  }

  /** Returns an exponential delay of the given mean, in whole microseconds (at least 1). */
  long exponential(long meanMicros) {
    double u = random.nextDouble();
    return Math.max(1, Math.round(-meanMicros * Math.log1p(-u)));
  }

  @Override
  protected void fire() {
    if (agent.up) {
      sim.master.failAgent(agent);
    } else {
      sim.master.rejoinAgent(agent);
    }
  }

  @Override
  public String toString() {
    return "agent-transition(" + agent.id + ")";
  }
}
