package io.offerlab.simcore.cluster;

/** Where an agent's synthetic failures and rejoins go: the master. */
interface AgentChanges {
  /** The agent fails: its offers are rescinded and its tasks LOST. */
  void failAgent(Agent agent);

  /** The agent rejoins with all its resources free. */
  void rejoinAgent(Agent agent);
}
