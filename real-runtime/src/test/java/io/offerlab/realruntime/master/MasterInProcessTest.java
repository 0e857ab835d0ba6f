package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.agent.AgentRuntime;
import io.offerlab.realruntime.framework.Execute;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master and two agents in one JVM ({@code --isolation none}): execute's tasks run and their resources return. */
class MasterInProcessTest {
  @TempDir
  Path work;
  private MasterRuntime master;
  private AgentRuntime a1;
  private AgentRuntime a2;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMillis(300)));
    String at = "127.0.0.1:" + master.port();
    a1 = AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", 0, null, "cpus:2;mem:1024", work.resolve("a1"),
        "none", null));
    a2 = AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", 0, null, "cpus:2;mem:1024", work.resolve("a2"),
        "none", null));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!(a1.connected() && a2.connected()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {a1, a2, master}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing the others matters more
      }
    }
  }

  private JsonNode state() throws Exception {
    var reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + master.port() + "/master/state"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(reply.body().matches(".*\"start_time\":\\d+\\.\\d+,.*"), "times as plain decimals, as Mesos: "
        + reply.body());
    return new ObjectMapper().readTree(reply.body());
  }

  @Test
  void aTornDownFrameworksLastUpdatesAreAcknowledgedByTheMaster() throws Exception {
    try (var framework = new RawScheduler("127.0.0.1:" + master.port(), "teardown")) {
      var offer = framework.await(e -> e.getType() == org.apache.mesos.v1.scheduler.Protos.Event.Type.OFFERS)
          .getOffers().getOffers(0);
      var accept = framework.call("\"type\":\"ACCEPT\",\"accept\":{\"offer_ids\":[{\"value\":\""
          + offer.getId().getValue() + "\"}],\"operations\":[{\"type\":\"LAUNCH\",\"launch\":{\"task_infos\":["
          + "{\"name\":\"s\",\"task_id\":{\"value\":\"s\"},\"agent_id\":{\"value\":\""
          + offer.getAgentId().getValue() + "\"},\"resources\":[{\"name\":\"cpus\",\"type\":\"SCALAR\","
          + "\"scalar\":{\"value\":0.1}}],\"command\":{\"value\":\"sleep 60\"}}]}}]}");
      assertEquals(202, accept.statusCode(), accept.body());
      var starting = framework.await(e -> e.getType() == org.apache.mesos.v1.scheduler.Protos.Event.Type.UPDATE)
          .getUpdate().getStatus();
      assertEquals(202, framework.call("\"type\":\"ACKNOWLEDGE\",\"acknowledge\":{\"agent_id\":{\"value\":\""
          + starting.getAgentId().getValue() + "\"},\"task_id\":{\"value\":\"s\"},\"uuid\":\""
          + java.util.Base64.getEncoder().encodeToString(starting.getUuid().toByteArray()) + "\"}}").statusCode());
      // TASK_RUNNING is left unacknowledged: after TEARDOWN nobody will acknowledge it or TASK_KILLED
      framework.await(e -> e.getType() == org.apache.mesos.v1.scheduler.Protos.Event.Type.UPDATE);
      assertEquals(202, framework.call("\"type\":\"TEARDOWN\"").statusCode());
    }
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!(a1.agent().tasks().isEmpty() && a2.agent().tasks().isEmpty()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(a1.agent().tasks().isEmpty() && a2.agent().tasks().isEmpty(),
        "the killed task's updates were acknowledged for the removed framework");
    assertEquals("TASK_KILLED", state().path("completed_frameworks").get(0).path("completed_tasks").get(0)
        .path("state").asText());
  }

  @Test
  void executeRunsEchoAndTheResourcesReturn() throws Exception {
    assertEquals(2, state().path("slaves").size());
    var out = new StringWriter();
    var result = new Execute(new Execute.Options("127.0.0.1:" + master.port(), "echo hi", 0.5, 64, 3, "hello", 5),
        new PrintWriter(out)).run();
    assertEquals(0, result.exitCode(), out.toString());
    assertEquals(3, result.finalStates().size());
    long withHi;
    try (Stream<Path> files = Files.walk(work)) {
      withHi = files.filter(p -> p.getFileName().toString().equals("stdout")).filter(p -> {
        try {
          return Files.readString(p).equals("hi\n");
        } catch (java.io.IOException e) {
          return false;
        }
      }).count();
    }
    assertEquals(3, withHi);
    JsonNode state = state();
    for (JsonNode slave : state.path("slaves")) {
      assertEquals(0.0, slave.path("used_resources").path("cpus").asDouble(), slave.toString());
      assertEquals(2.0, slave.path("resources").path("cpus").asDouble());
    }
    JsonNode done = state.path("completed_frameworks").get(0);
    assertTrue(a1.agent().tasks().isEmpty() && a2.agent().tasks().isEmpty(), "every update was acknowledged");
    assertEquals(3, done.path("completed_tasks").size());
    assertTrue(done.path("completed_tasks").get(0).path("state").asText().equals("TASK_FINISHED"), done.toString());
  }
}
