package io.offerlab.realruntime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.realruntime.http.HttpServers;
import io.offerlab.realruntime.http.JsonHandler;
import io.offerlab.realruntime.http.JsonHandler.Reply;
import io.offerlab.realruntime.wire.ProtoJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's two HTTP sides (docs/real-runtime.md): it registers with a stand-in master, heartbeats, sends its
 * updates there and waits for acknowledgements that come back through its own API; when the master forgets it (404
 * on heartbeat) it re-registers with its id and running tasks. Runs without cgroups ({@code --isolation none}).
 */
class AgentOverHttpTest {
  @TempDir
  Path work;
  private Server master;
  private final List<JsonNode> registrations = new ArrayList<>();
  private final List<JsonNode> updates = new ArrayList<>();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private volatile boolean forget;
  private AgentRuntime agent;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (master != null) {
      master.stop();
    }
  }

  private int startMaster() throws Exception {
    var handler = new JsonHandler()
        .route("POST", AgentProtocol.REGISTER, (request, body) -> {
          synchronized (registrations) {
            registrations.add(ProtoJson.tree(body));
          }
          forget = false;
          return Reply.json(200, "{\"agent_id\":{\"value\":\"agent-1\"},\"heartbeat_interval_seconds\":0.1}");
        })
        .route("POST", AgentProtocol.HEARTBEAT, (request, body) -> {
          heartbeats.incrementAndGet();
          return forget ? Reply.text(404, "unknown agent") : Reply.json(200, "{}");
        })
        .route("POST", AgentProtocol.UPDATE, (request, body) -> {
          synchronized (updates) {
            updates.add(ProtoJson.tree(body));
            updates.notifyAll();
          }
          return Reply.empty(202);
        });
    master = HttpServers.start("test-master", "127.0.0.1", 0, handler, Duration.ofSeconds(30));
    return HttpServers.port(master);
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode awaitUpdate(String state) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    synchronized (updates) {
      while (System.nanoTime() < deadline) {
        for (JsonNode u : updates) {
          if (u.path("status").path("state").asText().equals(state)) {
            return u;
          }
        }
        updates.wait(100);
      }
    }
    throw new AssertionError("no " + state + " update; got " + updates);
  }

  private int count(String state) {
    synchronized (updates) {
      return (int) updates.stream().filter(u -> u.path("status").path("state").asText().equals(state)).count();
    }
  }

  @Test
  void registersRunsATaskOverHttpAndReRegistersWithItsTasks() throws Exception {
    int masterPort = startMaster();
    agent = AgentRuntime.start(new AgentRuntime.Options("127.0.0.1:" + masterPort, "127.0.0.1", 0, null,
        "cpus:2;mem:512", work, "none", null));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!agent.connected() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(agent.connected());
    AgentInfo info = (AgentInfo) ProtoJson.parse(registrations.get(0).get("agent_info"), AgentInfo.newBuilder());
    assertEquals(agent.port(), info.getPort());
    assertEquals(2.0, AgentResources.scalarOf(info.getResourcesList(), "cpus"));
    assertEquals(List.of(31000L), AgentResources.portsOf(info.getResourcesList()).subList(0, 1));

    var launch = post(AgentProtocol.LAUNCH, """
        {"framework_id":{"value":"fw"},"task":{"name":"t","task_id":{"value":"t"},"agent_id":{"value":"agent-1"},
         "resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.1}}],
         "command":{"value":"echo started; sleep 60"}}}""");
    assertEquals(202, launch.statusCode(), launch.body());
    JsonNode starting = awaitUpdate("TASK_STARTING");
    assertEquals("agent-1", starting.path("agent_id").path("value").asText());
    Thread.sleep(300);
    assertEquals(0, count("TASK_RUNNING"), "RUNNING waits until STARTING is acknowledged");
    var ack = post(AgentProtocol.ACKNOWLEDGE, "{\"task_id\":{\"value\":\"t\"},\"uuid\":\""
        + starting.path("status").path("uuid").asText() + "\"}");
    assertEquals(202, ack.statusCode(), ack.body());
    JsonNode running = awaitUpdate("TASK_RUNNING");
    post(AgentProtocol.ACKNOWLEDGE, "{\"task_id\":{\"value\":\"t\"},\"uuid\":\""
        + running.path("status").path("uuid").asText() + "\"}");

    var bad = post(AgentProtocol.LAUNCH, "{\"framework_id\":{\"value\":\"fw\"},\"task\":{\"name\":7}}");
    assertEquals(400, bad.statusCode());
    assertEquals("field 'task.name': expected a JSON string, found the number 7", bad.body());
    var state = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port()
        + AgentProtocol.STATE)).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(state.body().contains("\"state\":\"TASK_RUNNING\""), state.body());

    forget = true;
    deadline = System.nanoTime() + 20_000_000_000L;
    while (registrations.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(2, registrations.size(), "re-registered after the master forgot it");
    JsonNode again = registrations.get(1);
    assertEquals("agent-1", again.path("agent_info").path("id").path("value").asText());
    assertEquals("t", again.path("tasks").get(0).path("task").path("task_id").path("value").asText());
    assertEquals("TASK_RUNNING", again.path("tasks").get(0).path("status").path("state").asText());

    var kill = post(AgentProtocol.KILL, "{\"task_id\":{\"value\":\"t\"},"
        + "\"kill_policy\":{\"grace_period\":{\"nanoseconds\":100000000}}}");
    assertEquals(202, kill.statusCode());
    JsonNode killed = awaitUpdate("TASK_KILLED");
    TaskStatus status = (TaskStatus) ProtoJson.parse(killed.get("status"), TaskStatus.newBuilder());
    assertEquals(16, Base64.getDecoder().decode(killed.path("status").path("uuid").asText()).length);
    assertFalse(status.hasReason());
    assertEquals("started\n", Files.readString(work.resolve("frameworks/fw/tasks/t/stdout"), StandardCharsets.UTF_8));
    // until its terminal update is acknowledged the task is still reported (at re-registration and in state)
    assertEquals(1, agent.agent().tasks().size());
    assertEquals(org.apache.mesos.v1.Protos.TaskState.TASK_KILLED, agent.agent().tasks().get(0).latest().getState());
    var lastAck = post(AgentProtocol.ACKNOWLEDGE, "{\"task_id\":{\"value\":\"t\"},\"uuid\":\""
        + killed.path("status").path("uuid").asText() + "\"}");
    assertEquals(202, lastAck.statusCode());
    assertEquals(List.of(), agent.agent().tasks());
    var unknown = post(AgentProtocol.KILL, "{\"task_id\":{\"value\":\"nope\"}}");
    assertEquals(404, unknown.statusCode());
  }
}
