package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.realruntime.agent.AgentRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler API as Mesos answers it ({@code src/master/http.cpp}, {@code validation.cpp}): each error rule, the
 * offer's {@code url}, TASK_ERROR for invalid launches, kill, reconciliation and declines with filters.
 */
class SchedulerApiTest {
  @TempDir
  Path work;
  private MasterRuntime master;
  private AgentRuntime agent;
  private String at;

  @BeforeEach
  void start() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMillis(300)));
    at = "127.0.0.1:" + master.port();
    agent = AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", 0, null, "cpus:2;mem:1024", work, "none",
        null));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!agent.connected() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @AfterEach
  void stop() {
    agent.close();
    master.close();
  }

  @Test
  void errorRules() throws Exception {
    try (var framework = new RawScheduler(at, "rules")) {
      String id = framework.frameworkId;
      String stream = framework.connection.streamId();
      var malformed = framework.post("{\"type\":\"DECLINE\",", stream);
      assertEquals(400, malformed.statusCode());
      assertTrue(malformed.body().startsWith("malformed JSON: "), malformed.body());
      var badField = framework.post("{\"type\":\"DECLINE\",\"framework_id\":{\"value\":\"" + id + "\"},"
          + "\"decline\":{\"offer_ids\":[{\"value\":1}]}}", stream);
      assertEquals(400, badField.statusCode());
      assertEquals("field 'decline.offer_ids[0].value': expected a JSON string, found the number 1", badField.body());
      var unknown = framework.post("{\"type\":\"REVIVE\",\"framework_id\":{\"value\":\"nope\"}}", stream);
      assertEquals(400, unknown.statusCode());
      assertEquals("Framework cannot be found", unknown.body());
      var noHeader = framework.post("{\"type\":\"REVIVE\",\"framework_id\":{\"value\":\"" + id + "\"}}", null);
      assertEquals(400, noHeader.statusCode());
      assertEquals("All non-subscribe calls should include the 'Mesos-Stream-Id' header", noHeader.body());
      var wrong = framework.post("{\"type\":\"REVIVE\",\"framework_id\":{\"value\":\"" + id + "\"}}", "other");
      assertEquals(400, wrong.statusCode());
      assertTrue(wrong.body().startsWith("The stream ID 'other' included in this request didn't match"));
      var missing = framework.post("{\"type\":\"KILL\",\"framework_id\":{\"value\":\"" + id + "\"}}", stream);
      assertEquals(400, missing.statusCode());
      assertEquals("Failed to validate scheduler::Call: Expecting 'kill' to be present", missing.body());
      assertEquals(202, framework.call("\"type\":\"REVIVE\"").statusCode());
      assertEquals(202, framework.call("\"type\":\"SUPPRESS\"").statusCode());

      // a framework whose stream closed is known but disconnected: 403 until it subscribes again
      framework.connection.close();
      var reply = framework.post("{\"type\":\"REVIVE\",\"framework_id\":{\"value\":\"" + id + "\"}}", stream);
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (reply.statusCode() == 202 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        reply = framework.post("{\"type\":\"REVIVE\",\"framework_id\":{\"value\":\"" + id + "\"}}", stream);
      }
      assertTrue(List.of(400, 403).contains(reply.statusCode()), reply.statusCode() + " " + reply.body());
    }
  }

  @Test
  void offersCarryUrlAndInvalidLaunchesGetTaskError() throws Exception {
    try (var framework = new RawScheduler(at, "launches")) {
      Offer offer = framework.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      assertEquals("http", offer.getUrl().getScheme());
      assertEquals(agent.port(), offer.getUrl().getAddress().getPort());
      assertEquals("127.0.0.1", offer.getUrl().getAddress().getIp());
      String agentId = offer.getAgentId().getValue();
      assertEquals("[31000-32000]", StateJson.flat(offer.getResourcesList()).path("ports").asText());
      String task = "{\"name\":\"%1$s\",\"task_id\":{\"value\":\"%1$s\"},\"agent_id\":{\"value\":\"" + agentId
          + "\"},\"resources\":[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":%2$s}}],"
          + "\"command\":{\"value\":\"sleep 30\"}}";
      var accept = framework.call("\"type\":\"ACCEPT\",\"accept\":{\"offer_ids\":[{\"value\":\""
          + offer.getId().getValue() + "\"}],\"operations\":[{\"type\":\"LAUNCH\",\"launch\":{\"task_infos\":["
          + task.formatted("ok", "0.5") + "," + task.formatted("ok", "0.5") + "," + task.formatted("big", "64")
          + ",{\"name\":\"port\",\"task_id\":{\"value\":\"port\"},\"agent_id\":{\"value\":\"" + agentId
          + "\"},\"resources\":[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":0.1}},"
          + "{\"name\":\"ports\",\"type\":\"RANGES\",\"ranges\":{\"range\":[{\"begin\":31005,\"end\":31006}]}}],"
          + "\"command\":{\"value\":\"echo $PORT0 $PORTS\"}}"
          + "]}}],\"filters\":{\"refuse_seconds\":0.5}}");
      assertEquals(202, accept.statusCode(), accept.body());
      TaskStatus duplicate = framework.await(e -> e.getType() == Event.Type.UPDATE
          && e.getUpdate().getStatus().getState() == TaskState.TASK_ERROR
          && e.getUpdate().getStatus().getMessage().startsWith("Task has duplicate ID")).getUpdate().getStatus();
      assertFalse(duplicate.hasUuid(), "master-made updates need no acknowledgement");
      assertEquals(TaskStatus.Reason.REASON_TASK_INVALID, duplicate.getReason());
      framework.await(e -> e.getType() == Event.Type.UPDATE
          && e.getUpdate().getStatus().getTaskId().getValue().equals("big")
          && e.getUpdate().getStatus().getState() == TaskState.TASK_ERROR);
      var stale = framework.call("\"type\":\"ACCEPT\",\"accept\":{\"offer_ids\":[{\"value\":\""
          + offer.getId().getValue() + "\"}],\"operations\":[{\"type\":\"LAUNCH\",\"launch\":{\"task_infos\":["
          + task.formatted("late", "0.1") + "]}}]}");
      assertEquals(202, stale.statusCode());
      TaskStatus late = framework.await(e -> e.getType() == Event.Type.UPDATE
          && e.getUpdate().getStatus().getTaskId().getValue().equals("late")).getUpdate().getStatus();
      assertEquals(TaskState.TASK_ERROR, late.getState());
      assertEquals(TaskStatus.Reason.REASON_INVALID_OFFERS, late.getReason());

      awaitState(framework, "port", TaskState.TASK_FINISHED);
      assertEquals("31005 31005,31006\n", java.nio.file.Files.readString(work.resolve("frameworks")
          .resolve(framework.frameworkId).resolve("tasks/port/stdout")));
      TaskStatus running = awaitState(framework, "ok", TaskState.TASK_RUNNING);
      assertEquals(16, running.getUuid().size());
      // the unused cpus and ports come back, declined for 0.5 s, then are offered again; the port task's come back
      // when it finished
      Offer next = framework.await(e -> e.getType() == Event.Type.OFFERS
          && e.getOffers().getOffers(0).getResourcesList().stream().anyMatch(r -> r.getName().equals("cpus")
              && Math.abs(r.getScalar().getValue() - 1.5) < 1e-9)).getOffers().getOffers(0);
      assertEquals("[31000-32000]", StateJson.flat(next.getResourcesList()).path("ports").asText());
      assertEquals(1.5, next.getResourcesList().stream().filter(r -> r.getName().equals("cpus")).findFirst()
          .orElseThrow().getScalar().getValue(), 1e-9);

      var reconcile = framework.call("\"type\":\"RECONCILE\",\"reconcile\":{\"tasks\":[{\"task_id\":{\"value\":\"ok\"}},"
          + "{\"task_id\":{\"value\":\"ghost\"}}]}");
      assertEquals(202, reconcile.statusCode());
      TaskStatus ghost = framework.await(e -> e.getType() == Event.Type.UPDATE
          && e.getUpdate().getStatus().getTaskId().getValue().equals("ghost")).getUpdate().getStatus();
      assertEquals(TaskState.TASK_LOST, ghost.getState());
      TaskStatus known = framework.await(e -> e.getType() == Event.Type.UPDATE
          && e.getUpdate().getStatus().getReason() == TaskStatus.Reason.REASON_RECONCILIATION
          && e.getUpdate().getStatus().getTaskId().getValue().equals("ok")).getUpdate().getStatus();
      assertTrue(List.of(TaskState.TASK_RUNNING, TaskState.TASK_STARTING).contains(known.getState()));

      assertEquals(202, framework.call("\"type\":\"KILL\",\"kill\":{\"task_id\":{\"value\":\"ok\"}}").statusCode());
      awaitState(framework, "ok", TaskState.TASK_KILLED);
    }
  }

  /** Wait for an update of {@code task} in {@code state}, acknowledging every update with a uuid on the way. */
  private static TaskStatus awaitState(RawScheduler framework, String task, TaskState state) throws Exception {
    while (true) {
      TaskStatus s = framework.await(e -> e.getType() == Event.Type.UPDATE
          && e.getUpdate().getStatus().getTaskId().getValue().equals(task)).getUpdate().getStatus();
      if (s.hasUuid()) {
        var ack = framework.call("\"type\":\"ACKNOWLEDGE\",\"acknowledge\":{\"agent_id\":{\"value\":\""
            + s.getAgentId().getValue() + "\"},\"task_id\":{\"value\":\"" + task + "\"},\"uuid\":\""
            + java.util.Base64.getEncoder().encodeToString(s.getUuid().toByteArray()) + "\"}}");
        assertEquals(202, ack.statusCode(), ack.body());
      }
      if (s.getState() == state) {
        return s;
      }
    }
  }
}
