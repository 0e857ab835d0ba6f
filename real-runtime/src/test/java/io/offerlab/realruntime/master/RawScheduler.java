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
    this.master = master;
    connection = new SchedulerConnection(master);
    connection.subscribe(ProtoJson.parse(("{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"u\","
        + "\"name\":\"" + name + "\"}}}").getBytes(), Call.newBuilder()));
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
    frameworkId = await(e -> e.getType() == Event.Type.SUBSCRIBED).getSubscribed().getFrameworkId().getValue();
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
