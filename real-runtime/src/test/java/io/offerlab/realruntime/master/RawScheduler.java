package io.offerlab.realruntime.master;

import io.offerlab.realruntime.framework.SchedulerConnection;
import io.offerlab.realruntime.wire.ProtoJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/** A test framework that subscribes, collects every event on a thread, and can send any raw request body. */
final class RawScheduler implements AutoCloseable {
  final SchedulerConnection connection;
  final String master;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<Event> seen = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Thread reader;
  String frameworkId;

  RawScheduler(String master, String name) throws Exception {
    this(master, "{\"user\":\"u\",\"name\":\"" + name + "\"}", true);
  }

  /** Subscribe with this FrameworkInfo JSON (with an id, a re-SUBSCRIBE); waits for SUBSCRIBED unless told not to. */
  RawScheduler(String master, String frameworkInfo, boolean awaitSubscribed) throws Exception {
    this.master = master;
    connection = new SchedulerConnection(master);
    var id = new ObjectMapperHolder().id(frameworkInfo);
    connection.subscribe(ProtoJson.parse(("{" + (id == null ? "" : "\"framework_id\":{\"value\":\"" + id + "\"},")
        + "\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":" + frameworkInfo + "}}").getBytes(),
        Call.newBuilder()));
    reader = new Thread(() -> {
      try {
        for (Event e = connection.next(); e != null; e = connection.next()) {
          events.add(e);
        }
      } catch (Exception e) {
        // the stream ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    if (awaitSubscribed) {
      frameworkId = await(e -> e.getType() == Event.Type.SUBSCRIBED).getSubscribed().getFrameworkId().getValue();
    }
  }

  /** Reads the id of a FrameworkInfo JSON. */
  private static final class ObjectMapperHolder {
    String id(String json) throws java.io.IOException {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("id").path("value");
      return node.isTextual() ? node.asText() : null;
    }
  }

  /** Launch a command task on the offer with 0.1 cpus; returns the reply's status. */
  int launch(org.apache.mesos.v1.Protos.Offer offer, String taskId, String command) throws Exception {
    var reply = call("\"type\":\"ACCEPT\",\"accept\":{\"offer_ids\":[{\"value\":\""
        + offer.getId().getValue() + "\"}],\"operations\":[{\"type\":\"LAUNCH\",\"launch\":{\"task_infos\":["
        + "{\"name\":\"" + taskId + "\",\"task_id\":{\"value\":\"" + taskId + "\"},\"agent_id\":{\"value\":\""
        + offer.getAgentId().getValue() + "\"},\"resources\":[{\"name\":\"cpus\",\"type\":\"SCALAR\","
        + "\"scalar\":{\"value\":0.1}}],\"command\":{\"value\":\"" + command + "\"}}]}}]}");
    return reply.statusCode();
  }

  /** Wait for an update of the task in this state, acknowledging every update of the task with a uuid till then. */
  org.apache.mesos.v1.Protos.TaskStatus awaitState(String taskId, String state) throws Exception {
    while (true) {
      Event e = await(x -> x.getType() == Event.Type.UPDATE
          && x.getUpdate().getStatus().getTaskId().getValue().equals(taskId));
      var status = e.getUpdate().getStatus();
      if (status.hasUuid()) {
        call("\"type\":\"ACKNOWLEDGE\",\"acknowledge\":{\"agent_id\":{\"value\":\""
            + status.getAgentId().getValue() + "\"},\"task_id\":{\"value\":\"" + taskId + "\"},\"uuid\":\""
            + java.util.Base64.getEncoder().encodeToString(status.getUuid().toByteArray()) + "\"}}");
      }
      if (status.getState().name().equals(state)) {
        return status;
      }
    }
  }

  /** Wait for the first event (not seen before) that matches. */
  Event await(Predicate<Event> match) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    synchronized (seen) {
      for (Event e : seen) {
        if (match.test(e)) {
          seen.remove(e);
          return e;
        }
      }
    }
    while (System.nanoTime() < deadline) {
      Event e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e == null) {
        continue;
      }
      if (match.test(e)) {
        return e;
      }
      synchronized (seen) {
        seen.add(e);
      }
    }
    throw new AssertionError("no matching event within 20 s; seen " + seen);
  }

  /** Post a raw body with the given stream id header (null for none); returns status and body. */
  HttpResponse<String> post(String body, String streamId) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://" + master + SchedulerConnection.PATH))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json");
    if (streamId != null) {
      request.header("Mesos-Stream-Id", streamId);
    }
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Post a call with this framework's id and stream id. */
  HttpResponse<String> call(String typeAndFields) throws Exception {
    return post("{\"framework_id\":{\"value\":\"" + frameworkId + "\"}," + typeAndFields + "}", connection.streamId());
  }

  @Override
  public void close() throws java.io.IOException {
    connection.close();
  }
}
