package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.agent.AgentRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mesos' framework failover: a framework that disconnects keeps its tasks for its {@code failover_timeout} and gets
 * them back by re-subscribing with its id (RECONCILE reports them RUNNING); with a timeout of 0 it is removed at
 * once, its tasks killed, and a re-SUBSCRIBE with its id gets ERROR "Framework has been removed".
 */
class FailoverTest {
  @TempDir
  Path work;
  private MasterRuntime master;
  private AgentRuntime agent;
  private String at;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(300), Duration.ofSeconds(15), Duration.ofMillis(300)));
    at = "127.0.0.1:" + master.port();
    agent = AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", 0, null, "cpus:2;mem:1024",
        work.resolve("a"), "none", null));
  }

  @AfterEach
  void stop() {
    agent.close();
    master.close();
  }

  private JsonNode state() throws Exception {
    return new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://" + at + "/master/state"))
        .build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void aFrameworkThatReSubscribesWithinItsTimeoutGetsItsTasksBack() throws Exception {
    String id;
    try (var first = new RawScheduler(at, "{\"user\":\"u\",\"name\":\"keeper\",\"failover_timeout\":30}", true)) {
      id = first.frameworkId;
      Offer offer = first.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      assertEquals(202, first.launch(offer, "long", "sleep 60"));
      first.awaitState("long", "TASK_RUNNING");
    }
    Thread.sleep(500); // the master notices the closed stream
    assertEquals(1, state().path("frameworks").size(), "a disconnected framework stays within its timeout");
    try (var again = new RawScheduler(at, "{\"id\":{\"value\":\"" + id + "\"},\"user\":\"u\",\"name\":\"keeper\","
        + "\"failover_timeout\":30}", true)) {
      assertEquals(id, again.frameworkId);
      assertEquals(202, again.call("\"type\":\"RECONCILE\",\"reconcile\":{}").statusCode());
      var status = again.await(e -> e.getType() == Event.Type.UPDATE).getUpdate().getStatus();
      assertEquals("long", status.getTaskId().getValue());
      assertEquals("TASK_RUNNING", status.getState().name());
      assertEquals(1, agent.agent().tasks().size(), "the task ran on through the failover");
      again.await(e -> e.getType() == Event.Type.OFFERS); // offers resume for the re-activated framework
      assertEquals(202, again.call("\"type\":\"TEARDOWN\"").statusCode());
    }
  }

  @Test
  void aFrameworkWithTimeoutZeroLosesItsTasksOnDisconnect() throws Exception {
    String id;
    try (var first = new RawScheduler(at, "{\"user\":\"u\",\"name\":\"gone\"}", true)) {
      id = first.frameworkId;
      Offer offer = first.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      assertEquals(202, first.launch(offer, "short-lived", "sleep 60"));
      first.awaitState("short-lived", "TASK_RUNNING");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!agent.agent().tasks().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(agent.agent().tasks().isEmpty(), "its task was killed");
    JsonNode state = state();
    assertEquals(0, state.path("frameworks").size());
    assertEquals(id, state.path("completed_frameworks").get(0).path("id").asText());
    try (var late = new RawScheduler(at, "{\"id\":{\"value\":\"" + id + "\"},\"user\":\"u\",\"name\":\"gone\"}",
        false)) {
      Event error = late.await(e -> e.getType() == Event.Type.ERROR);
      assertEquals("Framework has been removed", error.getError().getMessage());
    }
    // the freed resources go to the next framework
    try (var next = new RawScheduler(at, "next")) {
      Offer offer = next.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      assertEquals(2.0, offer.getResourcesList().stream().filter(r -> r.getName().equals("cpus"))
          .mapToDouble(r -> r.getScalar().getValue()).sum(), 1e-9);
    }
  }
}
