package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.agent.AgentRuntime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master process killed with SIGKILL while tasks run and started again on the same work dir: the agents
 * re-register with their tasks, the framework re-subscribes with its id, every task is still running and reported
 * once, the allocator's view equals the running tasks, and offers resume.
 */
class MasterRestartTest {
  /** The tasks' command, unique so that the test can end any task process left behind. */
  private static final String COMMAND = "sleep 120.17";
  @TempDir
  Path work;
  private final List<Process> masters = new ArrayList<>();
  private final List<AgentRuntime> agents = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws Exception {
    for (AgentRuntime a : agents) {
      a.close();
    }
    for (Process p : masters) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    // once in a verify run a task process outlived its agent's close (not understood yet): end it by its pid
    ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(COMMAND))
        .forEach(ProcessHandle::destroyForcibly);
  }

  /** Start {@code MasterMain} as a process and return its port. */
  static int startMaster(List<Process> into, Path dir, int port, long reregisterMillis) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MasterMain.class.getName(),
        dir.toString(), Integer.toString(port), Long.toString(reregisterMillis))
        .redirectError(dir.resolveSibling("master-" + into.size() + ".log").toFile()).start();
    into.add(p);
    var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("port ")) {
      throw new AssertionError("master did not start: " + line);
    }
    return Integer.parseInt(line.substring(5).trim());
  }

  private JsonNode state(int port) throws Exception {
    return new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/master/state")).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void aKilledMasterRestartedOnItsWorkDirLosesAndDuplicatesNoTask() throws Exception {
    Path dir = work.resolve("master");
    int port = startMaster(masters, dir, 0, 60_000);
    String at = "127.0.0.1:" + port;
    for (int i = 0; i < 2; i++) {
      agents.add(AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", 0, null, "cpus:1;mem:512",
          work.resolve("a" + i), "none", null)));
    }
    String info = "{\"user\":\"u\",\"name\":\"survivor\",\"failover_timeout\":60}";
    String id;
    try (var framework = new RawScheduler(at, info, true)) {
      id = framework.frameworkId;
      int launched = 0;
      while (launched < 2) {
        for (Offer offer : framework.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffersList()) {
          if (launched < 2) {
            assertEquals(202, framework.launch(offer, "t" + launched++, COMMAND));
          }
        }
      }
      framework.awaitState("t0", "TASK_RUNNING");
      framework.awaitState("t1", "TASK_RUNNING");
    }
    assertTrue(Files.exists(dir.resolve("registry.json")));
    masters.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    startMaster(masters, dir, port, 60_000);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (state(port).path("activated_slaves").asInt() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    JsonNode state = state(port);
    assertEquals(2, state.path("activated_slaves").asInt(), "both agents re-registered under their ids");
    try (var again = new RawScheduler(at, "{\"id\":{\"value\":\"" + id + "\"}," + info.substring(1), true)) {
      assertEquals(id, again.frameworkId);
      assertEquals(202, again.call("\"type\":\"RECONCILE\",\"reconcile\":{}").statusCode());
      Map<String, String> reported = new HashMap<>();
      for (int i = 0; i < 2; i++) {
        var status = again.await(e -> e.getType() == Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(null, reported.put(status.getTaskId().getValue(), status.getState().name()), "reported once");
      }
      assertEquals(Map.of("t0", "TASK_RUNNING", "t1", "TASK_RUNNING"), reported);
      Offer offer = again.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      assertTrue(offer.getResourcesList().stream().anyMatch(r -> r.getName().equals("cpus")
          && Math.abs(r.getScalar().getValue() - 0.9) < 1e-9), "offers resume with what the tasks leave: " + offer);
      state = state(port);
      assertEquals(2, state.path("frameworks").get(0).path("tasks").size(), "no task lost or duplicated");
      double used = 0;
      for (JsonNode slave : state.path("slaves")) {
        used += slave.path("used_resources").path("cpus").asDouble();
      }
      assertEquals(0.2, used, 1e-9, "the allocator's view equals the running tasks");
      int running = 0;
      for (AgentRuntime a : agents) {
        running += a.agent().tasks().size();
      }
      assertEquals(2, running, "the tasks ran on through the restart");
      assertEquals(202, again.call("\"type\":\"TEARDOWN\"").statusCode());
    }
  }

  @Test
  void anAgentThatDoesNotReRegisterInTimeIsUnreachableAndItsTaskReconcilesLost() throws Exception {
    Path dir = work.resolve("registry");
    var options = new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofSeconds(5), Duration.ofMillis(500)).withRegistry(dir, Duration.ofMillis(300));
    String agentId;
    try (MasterRuntime first = MasterRuntime.start(options)) {
      AgentRuntime agent = AgentRuntime.start(new AgentRuntime.Options("127.0.0.1:" + first.port(), "127.0.0.1", 0,
          null, "cpus:1;mem:256", work.resolve("gone"), "none", null));
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (state(first.port()).path("slaves").size() < 1 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        agentId = state(first.port()).path("slaves").get(0).path("id").asText();
      } finally {
        agent.close();
      }
    }
    assertTrue(Files.readString(dir.resolve("registry.json")).contains(agentId), "the registry holds the agent");
    try (MasterRuntime second = MasterRuntime.start(options)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (state(second.port()).path("unreachable_slaves").asInt() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(1, state(second.port()).path("unreachable_slaves").asInt());
      assertTrue(!Files.readString(dir.resolve("registry.json")).contains(agentId), "and no longer the registry");
      try (var framework = new RawScheduler("127.0.0.1:" + second.port(), "late")) {
        assertEquals(202, framework.call("\"type\":\"RECONCILE\",\"reconcile\":{\"tasks\":[{\"task_id\":"
            + "{\"value\":\"was-there\"},\"agent_id\":{\"value\":\"" + agentId + "\"}}]}").statusCode());
        var status = framework.await(e -> e.getType() == Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals("TASK_LOST", status.getState().name());
      }
    }
  }
}
