package io.offerlab.realruntime.agent;

/**
 * The HTTP paths between Offerlab's master and agents (documented in {@code docs/real-runtime.md}). Bodies are JSON;
 * embedded Mesos messages ({@code TaskInfo}, {@code TaskStatus}, {@code AgentInfo}) use the stout JSON of the wire
 * package. Mesos' own master-agent protocol is libprocess messages, which Offerlab does not speak.
 */
public final class AgentProtocol {
  /** Master endpoint: an agent registers or re-registers. */
  public static final String REGISTER = "/offerlab/master/register";
  /** Master endpoint: an agent says it is alive. */
  public static final String HEARTBEAT = "/offerlab/master/heartbeat";
  /** Master endpoint: an agent sends a status update. */
  public static final String UPDATE = "/offerlab/master/update";
  /** Agent endpoint: run a task. */
  public static final String LAUNCH = "/offerlab/agent/launch";
  /** Agent endpoint: kill a task. */
  public static final String KILL = "/offerlab/agent/kill";
  /** Agent endpoint: a framework acknowledged an update. */
  public static final String ACKNOWLEDGE = "/offerlab/agent/acknowledge";
  /** Agent endpoint: is the agent alive. */
  public static final String PING = "/offerlab/agent/ping";
  /** Agent endpoint: the agent's tasks. */
  public static final String STATE = "/offerlab/agent/state";

  private AgentProtocol() {
  }
}
