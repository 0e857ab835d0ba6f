package io.offerlab.realruntime.master;

import io.offerlab.realruntime.agent.AgentRuntime;
import java.nio.file.Path;

/**
 * An agent as a separate process for the agent-loss test: {@code AgentMain MASTER WORK_DIR RESOURCES} starts an
 * agent ({@code --isolation none}) and runs until it is killed.
 */
public final class AgentMain {
  private AgentMain() {
  }

  /** Run the agent. */
  public static void main(String[] args) throws Exception {
    AgentRuntime.start(new AgentRuntime.Options(args[0], "127.0.0.1", 0, null, args[2], Path.of(args[1]), "none",
        null));
    System.out.println("started");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
