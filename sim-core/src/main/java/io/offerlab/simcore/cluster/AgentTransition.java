package io.offerlab.simcore.cluster;

import java.util.SplittableRandom;

/**
 * An agent's next failure or rejoin, for synthetic failures: exponential times to failure (mean MTBF) and to repair
 * (mean MTTR), each agent drawing from its own seeded stream so every allocator sees the same failures.
 */
final class AgentTransition extends SimEvent {
  private final Agent agent;
  private final SplittableRandom random;
  private final AgentChanges changes;

  AgentTransition(Agent agent, SplittableRandom random, AgentChanges changes) {
    this.agent = agent;
    this.random = random;
    this.changes = changes;
  }

  /** Returns an exponential delay of the given mean, in whole microseconds (at least 1). */
  long exponential(long meanMicros) {
    double u = random.nextDouble();
    return Math.max(1, Math.round(-meanMicros * Math.log1p(-u)));
  }

  @Override
  protected void fire() {
    if (agent.up()) {
      changes.failAgent(agent);
    } else {
      changes.rejoinAgent(agent);
    }
  }

  @Override
  public String toString() {
    return "agent-transition(" + agent.id + ")";
  }
}
