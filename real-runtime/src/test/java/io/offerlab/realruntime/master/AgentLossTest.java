package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent process killed with SIGKILL: after the ping timeouts its task is TASK_LOST at the framework (from the
 * master, without a uuid), its offers are gone, and /master/state no longer lists it.
 */
class AgentLossTest {
  /** The task's command, unique so that the test can end the task process the killed agent left behind. */
  private static final String COMMAND = "sleep 47.31";
  @TempDir
  Path work;
  private MasterRuntime master;
  private Process agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    // the agent was killed without a chance to kill its task (isolation none): end that orphan, by its pid
    ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(COMMAND))
        .forEach(ProcessHandle::destroyForcibly);
    if (master != null) {
      master.close();
    }
  }

  @Test
  void aKilledAgentsTaskIsLostWithinThePingTimeoutsAndTheAgentLeavesTheState() throws Exception {
    // ping timeout 200 ms x 3: the agent is removed after 0.6 s of silence
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofMillis(600), Duration.ofMillis(500)));
    String at = "127.0.0.1:" + master.port();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    agent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AgentMain.class.getName(), at,
        work.resolve("agent").toString(), "cpus:1;mem:256").redirectError(work.resolve("agent.log").toFile()).start();
    String line = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertEquals("started", line);
    try (var framework = new RawScheduler(at, "loser")) {
      Offer offer = framework.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      assertEquals(202, framework.launch(offer, "doomed", COMMAND));
      framework.awaitState("doomed", "TASK_RUNNING");
      long killed = System.nanoTime();
      agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL
      TaskStatus lost = framework.awaitState("doomed", "TASK_LOST");
      double seconds = (System.nanoTime() - killed) / 1e9;
      assertTrue(seconds < 10, "lost after " + seconds + " s");
      assertEquals(TaskStatus.Reason.REASON_AGENT_REMOVED, lost.getReason());
      assertEquals(TaskStatus.Source.SOURCE_MASTER, lost.getSource());
      assertTrue(!lost.hasUuid(), "a master-made update needs no acknowledgement");
      framework.await(e -> e.getType() == Event.Type.FAILURE);
    }
    var state = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://" + at + "/master/state")).build(), HttpResponse.BodyHandlers.ofString()).body());
    assertEquals(0, state.path("activated_slaves").asInt(), state.toString());
    assertEquals(0, state.path("slaves").size(), "a removed agent is not listed: " + state.path("slaves"));
  }
}
